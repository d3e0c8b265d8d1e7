package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.LiquidationOutcome;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Sizes a reference-vault liquidation: for each market the account holds, the smallest close that restores the
 * health factor to {@code targetHealth} (or the whole position when that is not enough), found by bisection over
 * the exact local model of {@code liquidate}; then the market whose liquidation pays the largest fee. Pure.
 */
public final class VaultLiquidationPlanner {
  private final BigInteger targetHealth;

  /**
   * @param targetHealth health factor (wad) the liquidation should restore; at least 1e18
   * @throws IllegalArgumentException when the target is below 1e18
   */
  public VaultLiquidationPlanner(BigInteger targetHealth) {
    if (targetHealth.compareTo(Units.WAD) < 0) {
      throw new IllegalArgumentException("target health must be at least 1.0");
    }
    this.targetHealth = targetHealth;
  }

  /** The best liquidation of the account, or empty when it is not liquidatable or holds no position. */
  public Optional<VaultLiquidationPlan> plan(VaultConfig config, VaultAccount account, VaultPrices prices) {
    BigInteger before = VaultMath.healthFactor(config, account, prices);
    if (before.compareTo(Units.WAD) >= 0) return Optional.empty();
    VaultLiquidationPlan best = null;
    for (VaultMarket m : config.markets()) {
      if (account.sizes().get(m.id()).signum() == 0) continue;
      VaultLiquidationPlan p = sizeFor(config, account, prices, m.id(), before);
      if (best == null || p.revenueUsdWad().compareTo(best.revenueUsdWad()) > 0) best = p;
    }
    return Optional.ofNullable(best);
  }

  private VaultLiquidationPlan sizeFor(
      VaultConfig config, VaultAccount account, VaultPrices prices, int marketId, BigInteger before) {
    BigInteger full = account.sizes().get(marketId).abs();
    LiquidationOutcome fullOutcome = VaultMath.liquidate(config, account, prices, marketId, full);
    BigInteger fullHealth = VaultMath.healthFactor(config, fullOutcome.after(), prices);
    if (fullHealth.compareTo(targetHealth) < 0) {
      return new VaultLiquidationPlan(marketId, full, fullOutcome, before, fullHealth);
    }
    // Smallest size whose outcome reaches the target: lo fails, hi succeeds.
    BigInteger lo = BigInteger.ZERO;
    BigInteger hi = full;
    LiquidationOutcome hiOutcome = fullOutcome;
    BigInteger hiHealth = fullHealth;
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      BigInteger mid = lo.add(hi).shiftRight(1);
      LiquidationOutcome o = VaultMath.liquidate(config, account, prices, marketId, mid);
      BigInteger h = VaultMath.healthFactor(config, o.after(), prices);
      if (h.compareTo(targetHealth) >= 0) {
        hi = mid;
        hiOutcome = o;
        hiHealth = h;
      } else {
        lo = mid;
      }
    }
    return new VaultLiquidationPlan(marketId, hi, hiOutcome, before, hiHealth);
  }
}
