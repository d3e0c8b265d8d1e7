package io.collateralkeeper.bench;

import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reference vault's exact BigInteger health math ({@link VaultMath#healthFactor}), one account per operation, on
 * accounts shaped like the demo's: two collaterals (18 and 6 decimals), two perp markets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VaultMathBench {
  static final int ACCOUNTS = 4096;
  VaultConfig config;
  VaultPrices prices;
  VaultAccount[] accounts;

  @Setup
  public void setUp() {
    config =
        new VaultConfig(
            List.of(new VaultCollateral(0, 18, 1500), new VaultCollateral(1, 6, 200)),
            List.of(new VaultMarket(0, 1000, 500, 100), new VaultMarket(1, 1000, 500, 100)),
            3600);
    prices =
        new VaultPrices(
            List.of(BigInteger.valueOf(3_000_00000000L), BigInteger.valueOf(1_00000000L)),
            List.of(BigInteger.valueOf(60_000_00000000L), BigInteger.valueOf(3_000_00000000L)));
    SplittableRandom r = new SplittableRandom(42);
    accounts = new VaultAccount[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      BigInteger eth = BigInteger.valueOf(r.nextLong(1, 100_000)).multiply(BigInteger.TEN.pow(15));
      BigInteger usdc = BigInteger.valueOf(r.nextLong(0, 1_000_000_000_000L));
      BigInteger btc = BigInteger.valueOf(r.nextLong(-2_000, 2_000)).multiply(BigInteger.TEN.pow(15));
      BigInteger ethSize = BigInteger.valueOf(r.nextLong(-50_000, 50_000)).multiply(BigInteger.TEN.pow(15));
      accounts[i] =
          new VaultAccount(
              List.of(eth, usdc),
              BigInteger.valueOf(r.nextLong(-1_000_000, 1_000_000)).multiply(BigInteger.TEN.pow(15)),
              List.of(btc, ethSize),
              List.of(BigInteger.valueOf(r.nextLong(50_000_00000000L, 70_000_00000000L)),
                  BigInteger.valueOf(r.nextLong(2_500_00000000L, 3_500_00000000L))));
    }
  }

  /** One operation = one account's health factor. */
  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public void bigIntegerHealthFactor(Blackhole bh) {
    for (VaultAccount a : accounts) bh.consume(VaultMath.healthFactor(config, a, prices));
  }
}
