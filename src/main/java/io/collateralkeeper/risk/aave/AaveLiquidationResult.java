package io.collateralkeeper.risk.aave;

import java.math.BigInteger;

/** What {@code Pool.liquidationCall} would do: either execute with the given amounts, or revert. */
public sealed interface AaveLiquidationResult {

  /**
   * A liquidation the pool would execute. Token amounts are raw units of the respective asset.
   *
   * @param healthFactor the user's health factor before the liquidation, wad
   * @param closeFactorBps 5000 above a health factor of 0.95, else 10000
   * @param userVariableDebt the user's variable debt in the debt asset before
   * @param userStableDebt the user's stable debt in the debt asset before
   * @param userCollateralBalance the user's aToken balance in the collateral asset before
   * @param debtRepaid debt asset the liquidator pays and the user's debt falls by ({@code actualDebtToLiquidate},
   *     the event's {@code debtToCover})
   * @param collateralToLiquidator collateral asset the liquidator receives (underlying, or aTokens when
   *     {@code receiveAToken}); the event's {@code liquidatedCollateralAmount}
   * @param protocolFee collateral aTokens moved to the treasury (the liquidation protocol fee, after the 1-wei cap)
   * @param debtFullyRepaid the user's borrowing bit for the debt asset is cleared
   * @param collateralExhausted the user's collateral bit for the collateral asset is cleared
   */
  record Executed(
      BigInteger healthFactor,
      int closeFactorBps,
      BigInteger userVariableDebt,
      BigInteger userStableDebt,
      BigInteger userCollateralBalance,
      BigInteger debtRepaid,
      BigInteger collateralToLiquidator,
      BigInteger protocolFee,
      boolean debtFullyRepaid,
      boolean collateralExhausted)
      implements AaveLiquidationResult {

    /** The user's total debt in the debt asset before the liquidation. */
    public BigInteger userTotalDebt() {
      return userVariableDebt.add(userStableDebt);
    }
  }

  /**
   * A liquidation the pool would revert.
   *
   * @param errorCode the Aave {@code Errors} code in the revert reason (e.g. "45"), or "" for a revert without one
   * @param reason what it means
   */
  record Reverted(String errorCode, String reason) implements AaveLiquidationResult {}
}
