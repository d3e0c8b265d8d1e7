package io.collateralkeeper.bench;

import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.devnet.DemoScenario;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Latency rounds, each from one chain snapshot: a fresh keeper on a copy of the journal processes the snapshot's head
 * (its first head reads every account), then a block moves BTC so the victims turn liquidatable, and the keeper's
 * {@code processHead} of that block is measured up to each {@code eth_sendRawTransaction} handed to the HTTP client.
 * After each round the pool is emptied and the chain reverted to the snapshot.
 */
final class LatencyPhase {
  private final BenchContext ctx;
  private final BigInteger eth;
  private final BigInteger btcAfter;

  /**
   * @param eth ETH/USD the feed keeps, 8 decimals
   * @param btcAfter BTC/USD after the move, 8 decimals
   */
  LatencyPhase(BenchContext ctx, BigInteger eth, BigInteger btcAfter) {
    this.ctx = ctx;
    this.eth = eth;
    this.btcAfter = btcAfter;
  }

  /**
   * Runs the rounds.
   *
   * @param template the journal each round's keeper starts from (closed)
   * @param progress told one line per round
   */
  /**
   * The warm-up rounds' figures and the counted rounds' figures.
   *
   * @param warmup the rounds run first and not counted (null when there were none)
   * @param counted the rounds the targets are judged on
   */
  record Result(BenchReport.Latency warmup, BenchReport.Latency counted) {}

  /**
   * Runs {@code warmup} rounds, then {@code rounds} counted rounds.
   *
   * @param template the journal each round's keeper starts from (closed)
   * @param progress told one line per round
   */
  Result run(int warmup, int rounds, Path template, java.util.function.Consumer<String> progress) {
    long base = ctx.chain().blockNumber();
    String snapshot = ctx.devnet().snapshot();
    Rounds first = new Rounds();
    Rounds counted = new Rounds();
    int onChain = -1;
    for (int r = 0; r < warmup + rounds; r++) {
      Rounds into = r < warmup ? first : counted;
      String name = r < warmup ? "warm-up round " + (r + 1) : "latency round " + (r - warmup + 1);
      try (BenchKeeper k = ctx.keeper(ctx.strategy(), "round-" + r, template)) {
        k.process(base, ctx.counter());
        DemoScenario.setFeeds(ctx.chain(), ctx.devnet(), ctx.deployment(), ctx.owner(), eth, btcAfter);
        long head = ctx.chain().blockNumber();
        BenchKeeper.HeadRun run = k.process(head, ctx.counter());
        into.heads.add(BenchStats.Head.of(run));
        into.liquidatable.add(run.report().liquidatable().size());
        into.sent.add(run.report().sent().size());
        if (r == 0) onChain = onChainLiquidatable(head);
        progress.accept(name + ": " + run.report().sent().size() + " sent, processHead " + run.nanos() / 1_000_000 + " ms");
      }
      ctx.devnet().dropAllTransactions();
      ctx.devnet().revert(snapshot);
      snapshot = ctx.devnet().snapshot();
    }
    return new Result(
        warmup == 0 ? null : BenchStats.latency(first.heads, first.liquidatable, first.sent, onChain),
        BenchStats.latency(counted.heads, counted.liquidatable, counted.sent, onChain));
  }

  /** The figures of a run of rounds. */
  private static final class Rounds {
    final List<BenchStats.Head> heads = new ArrayList<>();
    final List<Integer> liquidatable = new ArrayList<>();
    final List<Integer> sent = new ArrayList<>();
  }

  /** The vault's own count of accounts below health 1 (independent of the keeper). */
  private int onChainLiquidatable(long head) {
    Multicall multicall = new Multicall(ctx.chain(), ctx.deployment().multicall(), 500);
    return new OnChainHealth(multicall, ctx.deployment().vault()).countLiquidatable(ctx.addresses(), head);
  }
}
