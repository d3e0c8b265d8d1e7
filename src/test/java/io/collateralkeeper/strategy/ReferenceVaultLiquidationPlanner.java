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
 * Test-only reference: a frozen copy of the original {@code VaultLiquidationPlanner} (BigInteger bisection over
 * {@link VaultMath} at every probe), against which the fast planner is checked plan for plan.
 *
 * <p>Sizes a reference-vault liquidation: for each market the account holds, the smallest close that restores the
 * health factor to {@code targetHealth} (or the whole position when that is not enough), found by bisection over
 * the exact local model of {@code liquidate}; then the market whose liquidation pays the largest fee. Pure.
 */
public final class ReferenceVaultLiquidationPlanner {
  private final BigInteger targetHealth;

  /**
   * @param targetHealth health factor (wad) the liquidation should restore; at least 1e18
   * @throws IllegalArgumentException when the target is below 1e18
   */
  public ReferenceVaultLiquidationPlanner(BigInteger targetHealth) {
    if (targetHealth.compareTo(Units.WAD) < 0) {
      throw new IllegalArgumentException("target health must be at least 1.0");
    }
    this.targetHealth = targetHealth;
  }

  /** The best liquidation of the account, or empty when it is not liquidatable or holds no position. */
  public Optional<VaultLiquidationPlan> plan(VaultConfig config, VaultAccount account, VaultPrices prices) {
    return plan(config, account, prices, BigInteger.ZERO);
  }

  /**
   * As {@link #plan(VaultConfig, VaultAccount, VaultPrices)}, but when the health-restoring size would pay less than
   * {@code minRevenueUsdWad} (e.g. the gas cost plus the minimum profit), the size grows to the smallest one that
   * pays it, up to the whole position: a liquidation too small to pay for itself would never be sent, and the
   * account would stay liquidatable.
   */
  public Optional<VaultLiquidationPlan> plan(
      VaultConfig config, VaultAccount account, VaultPrices prices, BigInteger minRevenueUsdWad) {
    BigInteger before = VaultMath.healthFactor(config, account, prices);
    if (before.compareTo(Units.WAD) >= 0) return Optional.empty();
    VaultLiquidationPlan best = null;
    for (VaultMarket m : config.markets()) {
      if (account.sizes().get(m.id()).signum() == 0) continue;
      VaultLiquidationPlan p = sizeFor(config, account, prices, m.id(), before);
      if (p.revenueUsdWad().compareTo(minRevenueUsdWad) < 0) p = growToRevenue(config, account, prices, p, minRevenueUsdWad);
      p = closeDust(config, account, prices, p, minRevenueUsdWad);
      if (best == null || p.revenueUsdWad().compareTo(best.revenueUsdWad()) > 0) best = p;
    }
    return Optional.ofNullable(best);
  }

  /** Smallest size at or above the plan's whose fee paid reaches {@code minRevenue} (the whole position at most). */
  private static VaultLiquidationPlan growToRevenue(
      VaultConfig config, VaultAccount account, VaultPrices prices, VaultLiquidationPlan plan, BigInteger minRevenue) {
    int market = plan.marketId();
    BigInteger lo = plan.size();
    BigInteger hi = account.sizes().get(market).abs();
    LiquidationOutcome hiOutcome = VaultMath.liquidate(config, account, prices, market, hi);
    if (hiOutcome.feePaid().compareTo(minRevenue) < 0 || lo.equals(hi)) return plan(config, prices, plan, hi, hiOutcome);
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      BigInteger mid = lo.add(hi).shiftRight(1);
      LiquidationOutcome o = VaultMath.liquidate(config, account, prices, market, mid);
      if (o.feePaid().compareTo(minRevenue) >= 0) {
        hi = mid;
        hiOutcome = o;
      } else {
        lo = mid;
      }
    }
    return plan(config, prices, plan, hi, hiOutcome);
  }

  /**
   * Closes the whole position when what would remain could never pay for its own liquidation (its fee at today's
   * price is below {@code minRevenue}): leaving dust would leave an account nobody can afford to liquidate.
   */
  private static VaultLiquidationPlan closeDust(
      VaultConfig config, VaultAccount account, VaultPrices prices, VaultLiquidationPlan plan, BigInteger minRevenue) {
    int market = plan.marketId();
    BigInteger full = account.sizes().get(market).abs();
    BigInteger rest = full.subtract(plan.size());
    if (rest.signum() == 0 || minRevenue.signum() == 0) return plan;
    BigInteger restFee =
        rest.multiply(prices.market().get(market))
            .multiply(BigInteger.valueOf(config.markets().get(market).liquidationFeeBps()))
            .divide(Units.PRICE_UNIT.multiply(Units.BPS));
    if (restFee.compareTo(minRevenue) >= 0) return plan;
    return plan(config, prices, plan, full, VaultMath.liquidate(config, account, prices, market, full));
  }

  private static VaultLiquidationPlan plan(
      VaultConfig config, VaultPrices prices, VaultLiquidationPlan base, BigInteger size, LiquidationOutcome outcome) {
    BigInteger after = VaultMath.healthFactor(config, outcome.after(), prices);
    return new VaultLiquidationPlan(base.marketId(), size, outcome, base.healthBefore(), after);
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
