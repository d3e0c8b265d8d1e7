package io.collateralkeeper.protect;

import io.collateralkeeper.protocol.PriceSnapshot;
import io.collateralkeeper.strategy.protect.ProtectOption;
import java.math.BigInteger;

/**
 * A submitted protect action as it was planned, kept in memory until its transaction settles.
 *
 * @param option the sized action
 * @param targetWad the band's target at sizing
 * @param prices the prices it was sized with
 * @param shortOfTarget true when it was knowingly sized short of the target (limits)
 */
record Plan(ProtectOption option, BigInteger targetWad, PriceSnapshot prices, boolean shortOfTarget) {
  /** The health the action must leave at the sizing prices. */
  BigInteger expectedHealth() {
    return shortOfTarget ? option.healthAfter() : targetWad;
  }
}
