package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.LiquidationOutcome;
import java.math.BigInteger;

/**
 * The liquidation the keeper would make on a reference-vault account.
 *
 * @param marketId the market whose position is closed
 * @param size the size to pass to {@code liquidate}, unsigned base-asset wad
 * @param outcome the locally computed effect of the call (fee paid in USD wad, health after, seized collateral)
 * @param healthBefore health factor before, wad
 * @param healthAfter health factor after, wad
 */
public record VaultLiquidationPlan(
    int marketId, BigInteger size, LiquidationOutcome outcome, BigInteger healthBefore, BigInteger healthAfter) {
  /** Revenue for the liquidator: the fee actually paid out of collateral, USD wad at oracle prices. */
  public BigInteger revenueUsdWad() {
    return outcome.feePaid();
  }
}
