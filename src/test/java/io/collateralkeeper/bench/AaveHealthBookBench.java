package io.collateralkeeper.bench;

import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.fast.AaveHealthBook;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link AaveHealthBook} with 100,000 {@link AaveBenchData} accounts: the time to bring every health factor up to
 * date after one asset's price moves within a block (only the accounts exposed to WBTC are re-evaluated), and after
 * a new block (every index accrues, so every account is re-evaluated). Each operation alternates between two market
 * states so that every one is a real change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AaveHealthBookBench {
  static final int ACCOUNTS = 100_000;
  AaveHealthBook book;
  AaveMarket[] priceStates;
  AaveMarket[] blocks;
  int next;

  @Setup
  public void setUp() {
    AaveMarket market = AaveBenchData.market();
    book = new AaveHealthBook();
    for (AavePosition p : AaveBenchData.positions(ACCOUNTS, 42)) book.put(p);
    BigInteger wbtc = market.price(AaveBenchData.asset(AaveBenchData.WBTC));
    priceStates =
        new AaveMarket[] {
          market, market.withPrices(Map.of(AaveBenchData.asset(AaveBenchData.WBTC), wbtc.multiply(BigInteger.valueOf(97)).divide(BigInteger.valueOf(100))))
        };
    blocks = new AaveMarket[] {market.at(market.timestamp() + 12), market.at(market.timestamp() + 24)};
    book.setMarket(market);
    book.evaluate();
    book.setMarket(priceStates[1]);
    System.out.printf("%n%d accounts; a WBTC price move dirties %d of them%n", book.size(), book.dirtyCount());
    book.evaluate();
  }

  /** One WBTC price move within the block: setMarket (diff, mark exposed) + evaluate; returns how many ran. */
  @Benchmark
  public int priceMoveReevaluation() {
    book.setMarket(priceStates[next ^= 1]);
    return book.evaluate();
  }

  /** A new block: every index accrues, every account is re-evaluated. */
  @Benchmark
  public int newBlockReevaluation() {
    book.setMarket(blocks[next ^= 1]);
    return book.evaluate();
  }
}
