package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/**
 * One reserve's state as {@code Pool.getReserveData(asset)} returns it (aave-v3-core v3.0.2
 * {@code DataTypes.ReserveData}), with the index accrual of {@code ReserveLogic.sol}.
 *
 * @param asset the underlying token
 * @param id the reserve's index in the pool's reserve list (its bit pair in a {@link UserConfig})
 * @param config the decoded configuration bitmap
 * @param liquidityIndex stored liquidity index, ray
 * @param currentLiquidityRate supply rate, yearly ray
 * @param variableBorrowIndex stored variable borrow index, ray
 * @param currentVariableBorrowRate variable borrow rate, yearly ray
 * @param currentStableBorrowRate stable borrow rate offered to new stable borrows, yearly ray
 * @param lastUpdateTimestamp unix seconds of the last index update
 * @param aToken the aToken
 * @param stableDebtToken the stable debt token
 * @param variableDebtToken the variable debt token
 */
public record AaveReserve(
    Address asset,
    int id,
    ReserveConfig config,
    BigInteger liquidityIndex,
    BigInteger currentLiquidityRate,
    BigInteger variableBorrowIndex,
    BigInteger currentVariableBorrowRate,
    BigInteger currentStableBorrowRate,
    long lastUpdateTimestamp,
    Address aToken,
    Address stableDebtToken,
    Address variableDebtToken) {

  /**
   * The liquidity index accrued to {@code timestamp} ({@code ReserveLogic.getNormalizedIncome}): the stored index in
   * the block that last updated it, else linear interest at the current liquidity rate times the stored index.
   *
   * @param timestamp the block timestamp, unix seconds
   * @return ray
   * @throws ArithmeticException when {@code timestamp} precedes the last update
   */
  public BigInteger normalizedIncome(long timestamp) {
    if (timestamp == lastUpdateTimestamp) return liquidityIndex;
    return WadRayMath.rayMul(
        InterestMath.linearInterest(currentLiquidityRate, lastUpdateTimestamp, timestamp), liquidityIndex);
  }

  /**
   * The variable borrow index accrued to {@code timestamp} ({@code ReserveLogic.getNormalizedDebt}): compounded
   * interest at the current variable rate times the stored index.
   *
   * @param timestamp the block timestamp, unix seconds
   * @return ray
   * @throws ArithmeticException when {@code timestamp} precedes the last update
   */
  public BigInteger normalizedDebt(long timestamp) {
    if (timestamp == lastUpdateTimestamp) return variableBorrowIndex;
    return WadRayMath.rayMul(
        InterestMath.compoundedInterest(currentVariableBorrowRate, lastUpdateTimestamp, timestamp),
        variableBorrowIndex);
  }
}
