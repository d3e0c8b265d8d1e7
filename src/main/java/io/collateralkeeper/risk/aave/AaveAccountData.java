package io.collateralkeeper.risk.aave;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * A user's account summary, field for field {@code Pool.getUserAccountData(user)} (aave-v3-core v3.0.2) plus the
 * zero-LTV flag of {@code GenericLogic.calculateUserAccountData}. Base amounts are in the oracle's base currency
 * (USD with 8 decimals on standard markets).
 *
 * @param totalCollateralBase collateral value, base currency
 * @param totalDebtBase debt value, base currency
 * @param availableBorrowsBase what can still be borrowed, base currency
 * @param currentLiquidationThreshold collateral-weighted average liquidation threshold, bps
 * @param ltv collateral-weighted average loan to value, bps
 * @param healthFactor wad; uint256 max without debt; below 1e18 the user can be liquidated
 * @param hasZeroLtvCollateral true when some collateral has a zero LTV
 */
public record AaveAccountData(
    BigInteger totalCollateralBase,
    BigInteger totalDebtBase,
    BigInteger availableBorrowsBase,
    BigInteger currentLiquidationThreshold,
    BigInteger ltv,
    BigInteger healthFactor,
    boolean hasZeroLtvCollateral) {

  /** The data of a user with an empty configuration. */
  public static final AaveAccountData EMPTY =
      new AaveAccountData(
          BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, Units.MAX_UINT256,
          false);

  /** True when {@code healthFactor < 1e18} ({@code HEALTH_FACTOR_LIQUIDATION_THRESHOLD}). */
  public boolean liquidatable() {
    return healthFactor.compareTo(Units.WAD) < 0;
  }
}
