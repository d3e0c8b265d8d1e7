package io.collateralkeeper.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.risk.VaultMath;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fast planner makes exactly the plans of the original BigInteger bisection ({@link
 * ReferenceVaultLiquidationPlanner}), field by field, on random accounts, prices, parameters, minimum revenues and
 * targets ({@link RandomLiquidations}); the counts make sure each kind of case was met.
 */
class VaultLiquidationPlannerParityTest {
  private static final int CASES = 25_000;

  @Test
  void shouldMakeTheSamePlanAsTheReferenceBisectionForEveryRandomCase() {
    RandomLiquidations random = new RandomLiquidations(20_240_801);
    int healthy = 0, unreachable = 0, restored = 0, wholePosition = 0, grown = 0, dustClosed = 0, severalMarkets = 0;
    int fallback = 0, fallbackMidSearch = 0, zeroMinRevenue = 0, belowMinRevenue = 0;
    for (int i = 0; i < CASES; i++) {
      RandomLiquidations.Case c = random.next();
      Optional<VaultLiquidationPlan> expected = reference(c, c.minRevenue());
      Optional<VaultLiquidationPlan> actual = fast(c, c.minRevenue());
      assertThat(actual).as("case %d: %s", i, c).isEqualTo(expected);

      if (expected.isEmpty()) {
        healthy++;
        continue;
      }
      VaultLiquidationPlan p = expected.get();
      BigInteger full = c.account().sizes().get(p.marketId()).abs();
      if (p.healthAfter().compareTo(c.target()) < 0) unreachable++;
      else restored++;
      if (p.size().equals(full)) wholePosition++;
      if (c.account().sizes().stream().filter(s -> s.signum() != 0).count() > 1) severalMarkets++;
      switch (fallback(c)) {
        case AT_SETUP -> fallback++;
        case MID_SEARCH -> fallbackMidSearch++;
        case NONE -> {}
      }
      if (c.minRevenue().signum() == 0) zeroMinRevenue++;
      if (p.revenueUsdWad().compareTo(c.minRevenue()) < 0) belowMinRevenue++;
      if (c.minRevenue().signum() > 0 && i % 2 == 0) {
        // what the minimum revenue changed: a larger close than the health-restoring one
        VaultLiquidationPlan bare = reference(c, BigInteger.ZERO).orElseThrow();
        if (bare.marketId() == p.marketId() && p.size().compareTo(bare.size()) > 0) {
          if (p.size().equals(full)) dustClosed++;
          else grown++;
        }
      }
    }
    assertThat(healthy).as("healthy accounts").isGreaterThan(500);
    assertThat(unreachable).as("target out of reach").isGreaterThan(500);
    assertThat(restored).as("target reached").isGreaterThan(5_000);
    assertThat(wholePosition).as("whole position closed").isGreaterThan(1_000);
    assertThat(severalMarkets).as("several markets held").isGreaterThan(2_000);
    assertThat(fallback).as("values beyond 128 bits").isGreaterThan(1_000);
    assertThat(fallbackMidSearch).as("an intermediate value beyond 128 bits during a search").isGreaterThan(50);
    assertThat(zeroMinRevenue).as("zero minimum revenue").isGreaterThan(3_000);
    assertThat(belowMinRevenue).as("even the whole position pays less than the minimum").isGreaterThan(500);
    assertThat(grown).as("grown to pay the minimum revenue").isGreaterThan(100);
    assertThat(dustClosed).as("whole position instead of leaving dust").isGreaterThan(100);
  }

  @Test
  void shouldProbeEverySizeLikeVaultMath() {
    RandomLiquidations random = new RandomLiquidations(7);
    java.util.SplittableRandom r = new java.util.SplittableRandom(8);
    int probed = 0;
    while (probed < 20_000) {
      RandomLiquidations.Case c = random.next();
      var value = VaultMath.value(c.config(), c.account(), c.prices());
      Optional<SeizeModel> seize = SeizeModel.of(c.config(), c.account(), c.prices());
      if (seize.isEmpty()) continue;
      for (int m = 0; m < c.config().markets().size(); m++) {
        BigInteger full = c.account().sizes().get(m).abs();
        if (full.signum() == 0) continue;
        Optional<FastCloseProbe> fast =
            FastCloseProbe.of(c.config(), c.account(), c.prices(), value, seize.get(), m, c.target());
        if (fast.isEmpty()) continue;
        ExactCloseProbe exact = new ExactCloseProbe(c.config(), c.account(), c.prices(), m, c.target());
        for (int k = 0; k < 10; k++) {
          BigInteger size = k == 0 ? full : k == 1 ? BigInteger.ONE
              : new BigInteger(full.bitLength(), new java.util.Random(r.nextLong())).mod(full).add(BigInteger.ONE);
          try {
            boolean reaches = fast.get().reachesTarget(size);
            BigInteger paid = fast.get().feePaid(size);
            assertThat(reaches).as("reaches target at %s in %s", size, c).isEqualTo(exact.reachesTarget(size));
            assertThat(paid).as("fee paid at %s in %s", size, c).isEqualTo(exact.feePaid(size));
            probed++;
          } catch (ArithmeticException beyond128Bits) {
            // the planner answers these with VaultMath
          }
        }
      }
    }
  }

  private enum Fallback { NONE, AT_SETUP, MID_SEARCH }

  /** Whether the planner answers some market of the case with VaultMath, and from when. */
  private static Fallback fallback(RandomLiquidations.Case c) {
    var value = VaultMath.value(c.config(), c.account(), c.prices());
    Optional<SeizeModel> seize = SeizeModel.of(c.config(), c.account(), c.prices());
    if (seize.isEmpty()) return Fallback.AT_SETUP;
    Fallback out = Fallback.NONE;
    for (int m = 0; m < c.config().markets().size(); m++) {
      if (c.account().sizes().get(m).signum() == 0) continue;
      Optional<FastCloseProbe> probe = FastCloseProbe.of(c.config(), c.account(), c.prices(), value, seize.get(), m, c.target());
      if (probe.isEmpty()) return Fallback.AT_SETUP;
      try {
        BigInteger size = probe.get().smallestReachingTarget();
        probe.get().feePaid(size);
        if (c.minRevenue().signum() > 0) probe.get().smallestPaying(size, c.minRevenue());
      } catch (ArithmeticException beyond128Bits) {
        out = Fallback.MID_SEARCH;
      }
    }
    return out;
  }

  private static Optional<VaultLiquidationPlan> reference(RandomLiquidations.Case c, BigInteger minRevenue) {
    return new ReferenceVaultLiquidationPlanner(c.target()).plan(c.config(), c.account(), c.prices(), minRevenue);
  }

  private static Optional<VaultLiquidationPlan> fast(RandomLiquidations.Case c, BigInteger minRevenue) {
    return new VaultLiquidationPlanner(c.target()).plan(c.config(), c.account(), c.prices(), minRevenue);
  }
}
