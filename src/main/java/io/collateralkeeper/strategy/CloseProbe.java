package io.collateralkeeper.strategy;

import java.math.BigInteger;

/**
 * Exact answers about closing part of one reference-vault position with {@code CrossMarginVault.liquidate(account,
 * marketId, size)}, as {@link VaultLiquidationPlanner} needs them. Implementations agree to the wei with {@link
 * io.collateralkeeper.risk.VaultMath#liquidate} and {@link io.collateralkeeper.risk.VaultMath#healthFactor}, and
 * search by the same sequence of probes, so they return the same sizes for every input (the health and fee curves
 * need not be monotone: integer rounding makes them saw-toothed at the scale of one collateral unit). Sizes are
 * unsigned base-asset wad; revenues USD wad.
 */
interface CloseProbe {
  /** The whole position, {@code |size|} (base-asset wad). */
  BigInteger full();

  /**
   * The size found by bisection over {@code (0, full]} for the smallest close whose outcome reaches the target health:
   * {@code lo = 0} (deemed short), {@code hi = full}; while {@code hi - lo > 1}, {@code mid = (lo + hi) / 2} replaces
   * {@code hi} when closing {@code mid} reaches the target, else {@code lo}. Returns {@code hi}; {@code full} when even
   * closing the whole position does not reach the target.
   */
  BigInteger smallestReachingTarget();

  /**
   * The size found by bisection over {@code (from, full]} for the smallest close whose fee paid reaches {@code
   * minRevenue} ({@code from} deemed short): {@code full} when {@code from == full} or the whole position pays less.
   *
   * @param from a size whose fee paid is below {@code minRevenue}, base-asset wad
   * @param minRevenue USD wad
   */
  BigInteger smallestPaying(BigInteger from, BigInteger minRevenue);

  /** The fee paid out of collateral when closing {@code size} ({@code LiquidationOutcome.feePaid}), USD wad. */
  BigInteger feePaid(BigInteger size);
}
