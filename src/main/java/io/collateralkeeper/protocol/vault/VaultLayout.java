package io.collateralkeeper.protocol.vault;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vault's listed collaterals and markets with the contracts behind them.
 *
 * @param config risk parameters
 * @param tokens collateral token by collateral id
 * @param collateralFeeds price feed by collateral id
 * @param marketFeeds index price feed by market id
 */
public record VaultLayout(
    VaultConfig config, List<Address> tokens, List<Address> collateralFeeds, List<Address> marketFeeds) {
  public VaultLayout {
    tokens = List.copyOf(tokens);
    collateralFeeds = List.copyOf(collateralFeeds);
    marketFeeds = List.copyOf(marketFeeds);
  }

  /** Every distinct feed the vault prices with. */
  public Set<Address> feeds() {
    Set<Address> s = new LinkedHashSet<>(collateralFeeds);
    s.addAll(marketFeeds);
    return s;
  }

  /** The prices the vault would use, given the feeds' latest rounds. */
  public VaultPrices prices(Map<Address, FeedReading> readings) {
    List<BigInteger> c = new ArrayList<>();
    for (Address f : collateralFeeds) c.add(readings.get(f).answer());
    List<BigInteger> m = new ArrayList<>();
    for (Address f : marketFeeds) m.add(readings.get(f).answer());
    return new VaultPrices(c, m);
  }
}
