package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's shared state at one block: reserves, oracle prices, e-mode categories and the block timestamp.
 *
 * @param reserves reserves by id (dropped reserves absent, as {@code reservesList[id] == address(0)} on chain)
 * @param prices {@code AaveOracle.getAssetPrice} per asset, in the oracle's base currency units (USD with 8
 *     decimals on standard V3 markets); must cover every reserve asset and every e-mode price source
 * @param eModes e-mode categories by id (at least those of the users evaluated)
 * @param timestamp the block timestamp, unix seconds, to which indexes and stable debt accrue
 */
public record AaveMarket(
    Map<Integer, AaveReserve> reserves, Map<Address, BigInteger> prices, Map<Integer, EModeCategory> eModes,
    long timestamp) {
  public AaveMarket {
    reserves = Map.copyOf(reserves);
    prices = Map.copyOf(prices);
    eModes = Map.copyOf(eModes);
  }

  /** The reserve with this id, or null when the id is not listed (dropped). */
  public AaveReserve reserve(int id) {
    return reserves.get(id);
  }

  /** The reserve of an underlying asset, if listed. */
  public Optional<AaveReserve> findReserve(Address asset) {
    return reserves.values().stream().filter(r -> r.asset().equals(asset)).findFirst();
  }

  /**
   * The reserve of an underlying asset.
   *
   * @throws IllegalArgumentException when the asset is not listed
   */
  public AaveReserve reserveOf(Address asset) {
    return findReserve(asset)
        .orElseThrow(() -> new IllegalArgumentException("asset " + asset + " is not a reserve of this pool"));
  }

  /**
   * The oracle price of an asset, base currency units.
   *
   * @throws IllegalArgumentException when no price was read for it
   */
  public BigInteger price(Address asset) {
    BigInteger p = prices.get(asset);
    if (p == null) throw new IllegalArgumentException("no oracle price for " + asset);
    return p;
  }

  /**
   * An e-mode category.
   *
   * @throws IllegalArgumentException when it was not read
   */
  public EModeCategory eMode(int id) {
    EModeCategory c = eModes.get(id);
    if (c == null) throw new IllegalArgumentException("e-mode category " + id + " was not read");
    return c;
  }

  /** A copy with some prices replaced (a what-if scenario). */
  public AaveMarket withPrices(Map<Address, BigInteger> changed) {
    Map<Address, BigInteger> p = new HashMap<>(prices);
    p.putAll(changed);
    return new AaveMarket(reserves, p, eModes, timestamp);
  }

  /** A copy at another block timestamp (indexes accrue to it). */
  public AaveMarket at(long newTimestamp) {
    return new AaveMarket(reserves, prices, eModes, newTimestamp);
  }
}
