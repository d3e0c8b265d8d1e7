package io.collateralkeeper.risk.fast;

import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;

/**
 * The per-price constants of one set of oracle prices, computed once per {@code setPrices}: for each collateral
 * {@code price x (BPS - haircutBps)}, for each market the price and {@code price x maintenanceMarginBps}, and each
 * asset's {@linkplain #FAST state}. Prices are USD with 8 decimals. Immutable.
 */
final class VaultPriceTable {
  /** Positive price whose constants fit a long: the fast path applies. */
  static final byte FAST = 0;
  /** Positive price outside the fast range: accounts using it take the BigInteger path. */
  static final byte SLOW = 1;
  /** Price {@code <= 0}: the vault reverts with {@code InvalidPrice} for accounts using it. */
  static final byte INVALID = 2;

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final long BPS = 10_000;

  final VaultPrices prices;
  /** {@code price x (BPS - haircutBps)} by collateral id, when FAST (USD 8 decimals x bps). */
  final long[] collateralFactor;
  final byte[] collateralState;
  /** Market price by market id, when FAST (USD 8 decimals). */
  final long[] marketPrice;
  /** {@code price x maintenanceMarginBps} by market id, when FAST (USD 8 decimals x bps). */
  final long[] maintenanceFactor;
  final byte[] marketState;

  private VaultPriceTable(VaultPrices prices, int collaterals, int markets) {
    this.prices = prices;
    this.collateralFactor = new long[collaterals];
    this.collateralState = new byte[collaterals];
    this.marketPrice = new long[markets];
    this.maintenanceFactor = new long[markets];
    this.marketState = new byte[markets];
  }

  /**
   * @throws IllegalArgumentException when the price lists do not have one price per collateral and per market
   */
  static VaultPriceTable of(VaultConfig config, VaultPrices prices) {
    int nc = config.collaterals().size();
    int nm = config.markets().size();
    if (prices.collateral().size() != nc || prices.market().size() != nm) {
      throw new IllegalArgumentException("expected " + nc + " collateral and " + nm + " market prices, got "
          + prices.collateral().size() + " and " + prices.market().size());
    }
    VaultPriceTable t = new VaultPriceTable(prices, nc, nm);
    for (VaultCollateral c : config.collaterals()) {
      BigInteger p = prices.collateral().get(c.id());
      t.collateralState[c.id()] = state(p, BPS - c.haircutBps());
      if (t.collateralState[c.id()] == FAST) t.collateralFactor[c.id()] = p.longValueExact() * (BPS - c.haircutBps());
    }
    for (VaultMarket m : config.markets()) {
      BigInteger p = prices.market().get(m.id());
      t.marketState[m.id()] = state(p, m.maintenanceMarginBps());
      if (t.marketState[m.id()] == FAST) {
        t.marketPrice[m.id()] = p.longValueExact();
        t.maintenanceFactor[m.id()] = p.longValueExact() * m.maintenanceMarginBps();
      }
    }
    return t;
  }

  /** True when the collateral's price differs from {@code previous}'s. */
  boolean collateralChanged(VaultPriceTable previous, int id) {
    return !prices.collateral().get(id).equals(previous.prices.collateral().get(id));
  }

  /** True when the market's price differs from {@code previous}'s. */
  boolean marketChanged(VaultPriceTable previous, int id) {
    return !prices.market().get(id).equals(previous.prices.market().get(id));
  }

  private static byte state(BigInteger price, long factor) {
    if (price == null || price.signum() <= 0) return INVALID;
    if (factor < 0 || price.multiply(BigInteger.valueOf(factor)).compareTo(LONG_MAX) > 0) return SLOW;
    return price.compareTo(LONG_MAX) > 0 ? SLOW : FAST;
  }
}
