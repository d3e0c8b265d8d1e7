package io.collateralkeeper.bench;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.risk.fast.VaultHealthBook;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link VaultHealthBook} (exact 128-bit health) next to the BigInteger {@link VaultMath}, on accounts shaped like
 * the demo's: two collaterals (WETH 18 decimals with a 15% haircut, USDC 6 decimals), BTC and ETH perps. With {@code
 * amounts=round} every amount is a multiple of 1e15 (as in {@code VaultMathBench}); with {@code amounts=wei} every
 * amount has arbitrary low digits, so each term needs its division.
 *
 * <ul>
 *   <li>{@code bookEvaluateAll}, {@code bigIntegerHealthFactor}: throughput, one operation = one account (4,096
 *       accounts, all with both positions); {@code bookEvaluateAll100k}: the same over 100,000 accounts.
 *   <li>{@code repriceAllExposed}: 100,000 accounts, the WETH price changes, all are exposed; one operation =
 *       {@code setPrices} + {@code evaluate} (ms/op). {@code repriceTenPercentExposed}: the ETH perp price changes
 *       and 10% of the accounts hold an ETH position.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VaultHealthBench {
  static final int SMALL = 4096;
  static final int LARGE = 100_000;
  static final VaultConfig CONFIG =
      new VaultConfig(
          List.of(new VaultCollateral(0, 18, 1500), new VaultCollateral(1, 6, 200)),
          List.of(new VaultMarket(0, 1000, 500, 100), new VaultMarket(1, 1000, 500, 100)),
          3600);

  /** 4,096 accounts with both positions. */
  @State(Scope.Benchmark)
  public static class Small {
    @Param({"round", "wei"})
    public String amounts;

    VaultPrices prices;
    VaultAccount[] accounts;
    VaultHealthBook book;

    @Setup
    public void setUp() {
      prices = prices(3_000_00000000L, 3_000_00000000L);
      accounts = accounts(SMALL, amounts.equals("wei"), 1);
      book = book(accounts, prices);
    }
  }

  /** 100,000 accounts, all holding WETH, 10% with an ETH perp position. */
  @State(Scope.Benchmark)
  public static class Large {
    @Param({"round", "wei"})
    public String amounts;

    VaultPrices[] wethMoves;
    VaultPrices[] ethPerpMoves;
    VaultHealthBook book;
    int tick;

    @Setup
    public void setUp() {
      wethMoves = new VaultPrices[] {prices(3_000_00000000L, 3_000_00000000L), prices(2_990_00000000L, 3_000_00000000L)};
      ethPerpMoves = new VaultPrices[] {prices(3_000_00000000L, 3_000_00000000L), prices(3_000_00000000L, 2_990_00000000L)};
      book = book(accounts(LARGE, amounts.equals("wei"), 10), wethMoves[0]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SMALL)
  public int bookEvaluateAll(Small s) {
    return s.book.evaluateAll();
  }

  @Benchmark
  @OperationsPerInvocation(SMALL)
  public void bigIntegerHealthFactor(Small s, Blackhole bh) {
    for (VaultAccount a : s.accounts) bh.consume(VaultMath.healthFactor(CONFIG, a, s.prices));
  }

  @Benchmark
  @OperationsPerInvocation(LARGE)
  public int bookEvaluateAll100k(Large l) {
    return l.book.evaluateAll();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int repriceAllExposed(Large l) {
    l.book.setPrices(l.wethMoves[++l.tick & 1]);
    return l.book.evaluate();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int repriceTenPercentExposed(Large l) {
    l.book.setPrices(l.ethPerpMoves[++l.tick & 1]);
    return l.book.evaluate();
  }

  static VaultPrices prices(long weth, long ethPerp) {
    return new VaultPrices(
        List.of(BigInteger.valueOf(weth), BigInteger.valueOf(1_00000000L)),
        List.of(BigInteger.valueOf(60_000_00000000L), BigInteger.valueOf(ethPerp)));
  }

  static VaultHealthBook book(VaultAccount[] accounts, VaultPrices prices) {
    VaultHealthBook book = new VaultHealthBook(CONFIG);
    for (int i = 0; i < accounts.length; i++) book.put(Address.of(String.format("0x%040x", i + 1)), accounts[i]);
    book.setPrices(prices);
    book.evaluate();
    return book;
  }

  /** Demo-like accounts; one in {@code ethPerpEvery} holds an ETH perp position. */
  static VaultAccount[] accounts(int n, boolean wei, int ethPerpEvery) {
    SplittableRandom r = new SplittableRandom(42);
    VaultAccount[] out = new VaultAccount[n];
    for (int i = 0; i < n; i++) {
      BigInteger eth = amount(r, r.nextLong(1, 100_000), wei);
      BigInteger usdc = BigInteger.valueOf(r.nextLong(0, 1_000_000_000_000L));
      BigInteger btc = amount(r, r.nextLong(-2_000, 2_000), wei);
      BigInteger ethSize = i % ethPerpEvery == 0 ? amount(r, r.nextLong(-50_000, 50_000), wei) : BigInteger.ZERO;
      out[i] =
          new VaultAccount(
              List.of(eth, usdc),
              amount(r, r.nextLong(-1_000_000, 1_000_000), wei),
              List.of(btc, ethSize),
              List.of(BigInteger.valueOf(r.nextLong(50_000_00000000L, 70_000_00000000L)),
                  ethSize.signum() == 0 ? BigInteger.ZERO : BigInteger.valueOf(r.nextLong(2_500_00000000L, 3_500_00000000L))));
    }
    return out;
  }

  /** {@code thousandths x 1e15}, plus arbitrary wei below 1e15 (same sign) when {@code wei}. */
  private static BigInteger amount(SplittableRandom r, long thousandths, boolean wei) {
    BigInteger v = BigInteger.valueOf(thousandths).multiply(BigInteger.TEN.pow(15));
    if (!wei || thousandths == 0) return v;
    BigInteger low = BigInteger.valueOf(r.nextLong(1, 1_000_000_000_000_000L));
    return thousandths > 0 ? v.add(low) : v.subtract(low);
  }
}
