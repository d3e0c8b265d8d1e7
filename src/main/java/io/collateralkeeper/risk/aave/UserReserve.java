package io.collateralkeeper.risk.aave;

import java.math.BigInteger;

/**
 * A user's balances in one reserve, as stored on chain (raw token units of the underlying's decimals).
 *
 * @param scaledATokenBalance {@code AToken.scaledBalanceOf(user)}: supply divided by the liquidity index
 * @param scaledVariableDebt {@code VariableDebtToken.scaledBalanceOf(user)}: debt divided by the borrow index
 * @param stableDebtPrincipal {@code StableDebtToken.principalBalanceOf(user)}
 * @param stableRate {@code StableDebtToken.getUserStableRate(user)}, yearly ray
 * @param stableLastUpdated {@code StableDebtToken.getUserLastUpdated(user)}, unix seconds
 */
public record UserReserve(
    BigInteger scaledATokenBalance,
    BigInteger scaledVariableDebt,
    BigInteger stableDebtPrincipal,
    BigInteger stableRate,
    long stableLastUpdated) {

  /** No supply and no debt. */
  public static final UserReserve EMPTY =
      new UserReserve(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0);

  /**
   * Stable debt with interest to {@code timestamp} ({@code StableDebtToken.balanceOf}): principal times the
   * compounded interest of the user's rate since their last update.
   *
   * @return raw token units
   */
  public BigInteger stableDebt(long timestamp) {
    if (stableDebtPrincipal.signum() == 0) return BigInteger.ZERO;
    return WadRayMath.rayMul(
        stableDebtPrincipal, InterestMath.compoundedInterest(stableRate, stableLastUpdated, timestamp));
  }

  /**
   * Variable debt at a normalized debt index ({@code VariableDebtToken.balanceOf}).
   *
   * @param normalizedDebt the reserve's accrued variable borrow index, ray
   * @return raw token units
   */
  public BigInteger variableDebt(BigInteger normalizedDebt) {
    if (scaledVariableDebt.signum() == 0) return BigInteger.ZERO;
    return WadRayMath.rayMul(scaledVariableDebt, normalizedDebt);
  }

  /**
   * Supplied balance at a normalized income index ({@code AToken.balanceOf}).
   *
   * @param normalizedIncome the reserve's accrued liquidity index, ray
   * @return raw token units
   */
  public BigInteger aTokenBalance(BigInteger normalizedIncome) {
    return WadRayMath.rayMul(scaledATokenBalance, normalizedIncome);
  }
}
