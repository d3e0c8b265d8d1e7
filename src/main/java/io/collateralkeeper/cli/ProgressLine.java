package io.collateralkeeper.cli;

/** Text of the history-indexing progress (pure): a bar for terminals, a sentence for log lines. */
final class ProgressLine {
  private static final int WIDTH = 30;

  private ProgressLine() {}

  /** e.g. {@code indexing [#########.....................]  31% block 1,234,567 of 4,000,000}. */
  static String bar(long from, long to, long done) {
    long total = Math.max(1, to - from + 1);
    long finished = Math.max(0, Math.min(total, done - from + 1));
    int filled = (int) (finished * WIDTH / total);
    int pct = (int) (finished * 100 / total);
    return "indexing [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] %3d%% block %,d of %,d".formatted(pct, done, to);
  }

  /** e.g. {@code indexing history: block 1,234,567 of 4,000,000 (31%)}. */
  static String sentence(long from, long to, long done) {
    long total = Math.max(1, to - from + 1);
    long finished = Math.max(0, Math.min(total, done - from + 1));
    return "indexing history: block %,d of %,d (%d%%)".formatted(done, to, finished * 100 / total);
  }
}
