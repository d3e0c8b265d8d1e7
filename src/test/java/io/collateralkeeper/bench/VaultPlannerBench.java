package io.collateralkeeper.bench;

import io.collateralkeeper.devnet.AccountGenerator;
import io.collateralkeeper.devnet.SeedAccount;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.strategy.ReferenceVaultLiquidationPlanner;
import io.collateralkeeper.strategy.VaultLiquidationPlanner;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Sizing one reference-vault liquidation ({@link VaultLiquidationPlanner#plan}, target health 1.02), one liquidatable
 * account per operation: the 128-bit planner against the original BigInteger bisection ({@link
 * ReferenceVaultLiquidationPlanner}), which makes the same plans. Books: {@code victims} are the keeper bench's
 * ({@link BenchBook}: long BTC, USDC collateral, health 0.80-0.97 after a 5% BTC drop); {@code mixed} are the demo's
 * shapes ({@link AccountGenerator}: one or two positions, long or short, one to three collaterals, health 0.50-0.99).
 * {@code minRevenueUsd} is the revenue the keeper asks for (gas plus minimum profit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VaultPlannerBench {
  static final int ACCOUNTS = 256;
  private static final BigInteger TARGET = Units.toWad(new BigDecimal("1.02"));

  @Param({"victims", "mixed"})
  public String book;

  @Param({"0", "5"})
  public int minRevenueUsd;

  VaultConfig config = BenchBookTest.CONFIG;
  VaultPrices prices;
  VaultAccount[] accounts;
  BigInteger minRevenue;
  final VaultLiquidationPlanner fast = new VaultLiquidationPlanner(TARGET);
  final ReferenceVaultLiquidationPlanner reference = new ReferenceVaultLiquidationPlanner(TARGET);

  @Setup
  public void setUp() {
    minRevenue = Units.WAD.multiply(BigInteger.valueOf(minRevenueUsd));
    if (book.equals("victims")) {
      prices = BenchBookTest.AFTER;
      BenchBook b = BenchBook.generate(config, BenchBookTest.BEFORE, prices, new BenchBook.Spec(ACCOUNTS, ACCOUNTS, 7, 1, 0));
      accounts = b.accounts().stream().map(BenchAccount::state).toArray(VaultAccount[]::new);
    } else {
      prices = BenchBookTest.BEFORE;
      accounts = mixed(config, prices).toArray(VaultAccount[]::new);
    }
    for (VaultAccount a : accounts) {
      if (fast.plan(config, a, prices, minRevenue).isEmpty()) throw new IllegalStateException("not liquidatable: " + a);
      if (!fast.plan(config, a, prices, minRevenue).equals(reference.plan(config, a, prices, minRevenue))) {
        throw new IllegalStateException("the planners differ on " + a);
      }
    }
  }

  /** One operation = planning one account with the 128-bit planner. */
  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public void fast(Blackhole bh) {
    for (VaultAccount a : accounts) bh.consume(fast.plan(config, a, prices, minRevenue));
  }

  /** One operation = planning one account with the original BigInteger bisection. */
  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public void reference(Blackhole bh) {
    for (VaultAccount a : accounts) bh.consume(reference.plan(config, a, prices, minRevenue));
  }

  /** Demo-shaped accounts (entries 8% off the prices, as DemoScenario) drawn at health 0.50-0.99 at {@code prices}. */
  static List<VaultAccount> mixed(VaultConfig config, VaultPrices prices) {
    AccountGenerator gen = new AccountGenerator(config, 42);
    java.util.Random rnd = new java.util.Random(42);
    List<VaultAccount> out = new ArrayList<>();
    BigInteger min = Units.toWad(new BigDecimal("0.50"));
    BigInteger max = Units.toWad(new BigDecimal("0.99"));
    for (int i = 0; out.size() < ACCOUNTS; i++) {
      boolean isLong = rnd.nextInt(100) < 65;
      int pct = isLong ? 108 : 92;
      VaultPrices entry = new VaultPrices(prices.collateral(),
          prices.market().stream().map(p -> p.multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100))).toList());
      SeedAccount s = gen.next(i, isLong, entry, prices, min, max, 1_000, 100_000);
      List<BigInteger> entries = new ArrayList<>();
      for (int m = 0; m < s.trades().size(); m++) {
        entries.add(s.trades().get(m).signum() == 0 ? BigInteger.ZERO : entry.market().get(m));
      }
      VaultAccount a = new VaultAccount(s.deposits(), BigInteger.ZERO, s.trades(), entries);
      if (VaultMath.healthFactor(config, a, prices).compareTo(Units.WAD) < 0) out.add(a);
    }
    return out;
  }
}
