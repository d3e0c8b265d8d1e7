package io.collateralkeeper.risk;

import java.math.BigInteger;

/**
 * The margin figures of one account, as {@code CrossMarginVault.accountValue} returns them.
 *
 * @param equity haircut collateral value + cash + unrealized PnL, signed USD wad
 * @param maintenance maintenance requirement, USD wad
 * @param initial initial requirement, USD wad
 */
public record AccountValue(BigInteger equity, BigInteger maintenance, BigInteger initial) {
  /**
   * Health factor (wad) as {@code CrossMarginVault.healthFactor}: equity x 1e18 / maintenance, rounded down; 0 when
   * equity is not positive; uint256 max when there is no requirement.
   */
  public BigInteger healthFactor() {
    return healthFactor(equity, maintenance);
  }

  /**
   * {@code CrossMarginVault._health(equity, maintenance)}: see {@link #healthFactor()}.
   *
   * @param equity signed USD wad
   * @param maintenance maintenance requirement, USD wad (non-negative)
   * @return health factor, wad
   */
  public static BigInteger healthFactor(BigInteger equity, BigInteger maintenance) {
    if (maintenance.signum() == 0) return Units.MAX_UINT256;
    if (equity.signum() <= 0) return BigInteger.ZERO;
    return equity.multiply(Units.WAD).divide(maintenance);
  }

  /** True when the health factor is below 1 (1e18). */
  public boolean liquidatable() {
    return healthFactor().compareTo(Units.WAD) < 0;
  }
}
