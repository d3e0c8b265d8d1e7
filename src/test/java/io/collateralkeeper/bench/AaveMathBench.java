package io.collateralkeeper.bench;

import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.fast.AaveMarketView;
import io.collateralkeeper.risk.aave.fast.AccountResult;
import io.collateralkeeper.risk.aave.fast.CompactPosition;
import io.collateralkeeper.risk.aave.fast.FastAaveMath;
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
 * Local Aave V3 health evaluation, one account per operation, on {@link AaveBenchData}'s mainnet-like positions
 * (two collaterals, one or two debts, one user in five in e-mode; every index accrues at evaluation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AaveMathBench {
  static final int ACCOUNTS = 4096;
  AaveMarket market;
  AavePosition[] positions;
  AaveMarketView view;
  CompactPosition[] compact;
  final FastAaveMath fast = new FastAaveMath();
  final AccountResult result = new AccountResult();

  @Setup
  public void setUp() {
    market = AaveBenchData.market();
    positions = AaveBenchData.positions(ACCOUNTS, 42);
    view = AaveMarketView.of(market);
    compact = new CompactPosition[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      compact[i] = CompactPosition.of(positions[i]);
      fast.evaluate(compact[i], view, result);
      if (!result.fastPath()) throw new IllegalStateException("position " + i + " is not on the fast path");
    }
  }

  /** Baseline: {@link AaveMath#accountData} (BigInteger, indexes accrued per account). */
  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public void bigIntegerAccountData(Blackhole bh) {
    for (AavePosition p : positions) bh.consume(AaveMath.accountData(p, market));
  }

  /**
   * {@link FastAaveMath} with the block's view prepared once (as per block), every field of
   * {@code getUserAccountData} computed and the exact health factor built as a BigInteger (like the baseline).
   */
  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public void fastAccountData(Blackhole bh) {
    for (CompactPosition p : compact) {
      fast.evaluate(p, view, result);
      bh.consume(result.healthFactor());
    }
  }

  /** As {@link #fastAccountData} but asking only whether the account is liquidatable (no wadDiv, no allocation). */
  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public void fastLiquidatable(Blackhole bh) {
    for (CompactPosition p : compact) {
      fast.evaluate(p, view, result);
      bh.consume(result.liquidatable());
    }
  }

  /** The per-block precomputation: indexes accrued and tables built, once per block for all accounts. */
  @Benchmark
  public AaveMarketView prepareView() {
    return AaveMarketView.of(market);
  }
}
