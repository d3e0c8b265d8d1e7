package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.AccountValue;
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
 * the exact local model of {@code liquidate}; then the market whose liquidation pays the largest fee. Pure and
 * thread-safe.
 *
 * <p>The bisection probes the exact outcome of {@code liquidate} ({@link VaultMath}) at each midpoint; the probes run
 * in 128-bit integer arithmetic ({@link FastCloseProbe}, about 0.1 µs each) and fall back to {@link VaultMath} itself
 * ({@link ExactCloseProbe}) for values beyond 128 bits. Both follow the same sequence of probes, so the plan is the same
 * either way, to the wei.
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
    return plan(config, account, prices, BigInteger.ZERO);
  }

  /**
   * As {@link #plan(VaultConfig, VaultAccount, VaultPrices)}, but when the health-restoring size would pay less than
   * {@code minRevenueUsdWad} (e.g. the gas cost plus the minimum profit), the size grows to the smallest one that
   * pays it, up to the whole position: a liquidation too small to pay for itself would never be sent, and the
   * account would stay liquidatable. When what would remain of the position could never pay for its own liquidation
   * (its fee at today's price is below {@code minRevenueUsdWad}), the whole position is closed instead.
   *
   * @throws IllegalArgumentException when a price the account needs is not positive (as {@link VaultMath#value})
   */
  public Optional<VaultLiquidationPlan> plan(
      VaultConfig config, VaultAccount account, VaultPrices prices, BigInteger minRevenueUsdWad) {
    AccountValue value = VaultMath.value(config, account, prices);
    BigInteger before = value.healthFactor();
    if (before.compareTo(Units.WAD) >= 0) return Optional.empty();
    Optional<SeizeModel> seize = SeizeModel.of(config, account, prices);
    Sizing best = null;
    for (VaultMarket m : config.markets()) {
      if (account.sizes().get(m.id()).signum() == 0) continue;
      Sizing s = size(config, account, prices, value, seize, m.id(), minRevenueUsdWad);
      if (best == null || s.revenue().compareTo(best.revenue()) > 0) best = s;
    }
    if (best == null) return Optional.empty();
    LiquidationOutcome outcome = VaultMath.liquidate(config, account, prices, best.marketId(), best.size());
    BigInteger after = VaultMath.healthFactor(config, outcome.after(), prices);
    return Optional.of(new VaultLiquidationPlan(best.marketId(), best.size(), outcome, before, after));
  }

  /** A market's liquidation size (base-asset wad) and the fee it pays (USD wad). */
  private record Sizing(int marketId, BigInteger size, BigInteger revenue) {}

  private Sizing size(
      VaultConfig config, VaultAccount account, VaultPrices prices, AccountValue value, Optional<SeizeModel> seize,
      int marketId, BigInteger minRevenue) {
    if (seize.isPresent()) {
      Optional<FastCloseProbe> fast =
          FastCloseProbe.of(config, account, prices, value, seize.get(), marketId, targetHealth);
      try {
        if (fast.isPresent()) return size(fast.get(), config, prices, marketId, minRevenue);
      } catch (ArithmeticException beyond128Bits) {
        // an intermediate value left the 128-bit range: answer with VaultMath itself
      }
    }
    return size(new ExactCloseProbe(config, account, prices, marketId, targetHealth), config, prices, marketId, minRevenue);
  }

  /**
   * The health-restoring size, grown to the smallest that pays {@code minRevenue} when it pays less, then the whole
   * position when what would remain is dust.
   */
  private static Sizing size(CloseProbe probe, VaultConfig config, VaultPrices prices, int marketId, BigInteger minRevenue) {
    BigInteger size = probe.smallestReachingTarget();
    BigInteger revenue = probe.feePaid(size);
    if (revenue.compareTo(minRevenue) < 0) {
      size = probe.smallestPaying(size, minRevenue);
      revenue = probe.feePaid(size);
    }
    if (leavesDust(config, prices, marketId, probe.full().subtract(size), minRevenue)) {
      size = probe.full();
      revenue = probe.feePaid(size);
    }
    return new Sizing(marketId, size, revenue);
  }

  /**
   * True when a remaining position of {@code rest} could never pay for its own liquidation: its fee at today's price is
   * below {@code minRevenue} (and both are positive); leaving dust would leave an account nobody can afford to
   * liquidate.
   */
  private static boolean leavesDust(
      VaultConfig config, VaultPrices prices, int marketId, BigInteger rest, BigInteger minRevenue) {
    if (rest.signum() == 0 || minRevenue.signum() == 0) return false;
    BigInteger restFee =
        rest.multiply(prices.market().get(marketId))
            .multiply(BigInteger.valueOf(config.markets().get(marketId).liquidationFeeBps()))
            .divide(Units.PRICE_UNIT.multiply(Units.BPS));
    return restFee.compareTo(minRevenue) < 0;
  }
}
