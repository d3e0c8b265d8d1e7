package io.collateralkeeper.cli;

import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows progress while the daemon indexes a long event history ({@link #MIN_BLOCKS} blocks or more in one go): a bar
 * redrawn in place on a terminal, else a log line at most every {@code every} (and one when done).
 */
final class IndexProgressDisplay implements KeeperListener {
  private static final Logger LOG = LoggerFactory.getLogger(IndexProgressDisplay.class);
  /** Shorter ranges (the per-block catch-up) show nothing. */
  static final long MIN_BLOCKS = 10_000;

  private final PrintStream terminal;
  private final Clock clock;
  private final Duration every;
  private Instant lastLine;

  /**
   * @param terminal where the bar goes when running on a terminal, else null (log lines)
   * @param every least time between two log lines
   */
  IndexProgressDisplay(PrintStream terminal, Clock clock, Duration every) {
    this.terminal = terminal;
    this.clock = clock;
    this.every = every;
  }

  /** A bar on stderr when a console is attached, else a line every 10 s. */
  static IndexProgressDisplay forThisProcess() {
    return new IndexProgressDisplay(System.console() != null ? System.err : null, Clock.systemUTC(), Duration.ofSeconds(10));
  }

  @Override
  public void onBlock(BlockReport report) {}

  @Override
  public void onIndexProgress(long from, long to, long doneThrough) {
    if (to - from + 1 < MIN_BLOCKS) return;
    boolean finished = doneThrough >= to;
    if (terminal != null) {
      terminal.print("\r" + ProgressLine.bar(from, to, doneThrough) + (finished ? "\n" : ""));
      terminal.flush();
      return;
    }
    Instant now = clock.instant();
    if (finished || lastLine == null || Duration.between(lastLine, now).compareTo(every) >= 0) {
      lastLine = now;
      LOG.atInfo().addKeyValue("event", "index_progress").addKeyValue("from", from).addKeyValue("to", to)
          .addKeyValue("done", doneThrough).log(ProgressLine.sentence(from, to, doneThrough));
    }
  }
}
