package io.collateralkeeper.bench;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.wallet.Signer;
import java.nio.file.Path;

/**
 * A real keeper daemon, assembled from a strategy as {@code keeper run} assembles it, with its own journal, driven
 * head by head: {@link #process} calls {@link KeeperDaemon#processHead} directly (no polling) inside a counting window
 * of the {@link RpcCounter}.
 */
final class BenchKeeper implements AutoCloseable {
  /**
   * One processed head.
   *
   * @param report what the daemon did
   * @param window the JSON-RPC traffic of the call
   * @param nanos how long {@code processHead} took
   */
  record HeadRun(BlockReport report, RpcCounter.Window window, long nanos) {}

  private final Journal journal;
  private final KeeperDaemon daemon;

  private BenchKeeper(Journal journal, KeeperDaemon daemon) {
    this.journal = journal;
    this.daemon = daemon;
  }

  /**
   * Opens (or creates) the journal and assembles the daemon; nothing is read from the chain yet.
   *
   * @throws io.collateralkeeper.KeeperException when the strategy cannot be assembled
   */
  static BenchKeeper open(ChainClient chain, StrategyConfig strategy, Signer signer, Path journalFile) {
    Journal journal = Journal.open(journalFile);
    try {
      return new BenchKeeper(journal, KeeperAssembly.assemble(chain, strategy, signer, journal, KeeperListener.NONE));
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** Processes {@code head}, counting its JSON-RPC traffic from the moment {@code processHead} is called. */
  HeadRun process(long head, RpcCounter counter) {
    counter.start();
    long start = System.nanoTime();
    try {
      BlockReport report = daemon.processHead(head);
      long nanos = System.nanoTime() - start;
      return new HeadRun(report, counter.stop(), nanos);
    } finally {
      counter.stop(); // ends the window when processHead throws too (stopping twice is harmless)
    }
  }

  /** The journal's file (copied to start later keepers from the same index). */
  Path journalFile() {
    return journal.file();
  }

  @Override
  public void close() {
    daemon.stop();
    journal.close();
  }
}
