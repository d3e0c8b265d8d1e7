package io.collateralkeeper.bench;

import java.util.List;

/** Nearest-rank percentiles of measured values (pure). */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The nearest-rank {@code pct}-th percentile: the smallest value with at least {@code pct}% of the values at or below
   * it (the median of an even count is the lower middle value).
   *
   * @param values the measurements, any order
   * @param pct 1..100
   * @return the percentile, or 0 for no values
   * @throws IllegalArgumentException when {@code pct} is outside 1..100
   */
  public static long of(List<Long> values, int pct) {
    if (pct < 1 || pct > 100) throw new IllegalArgumentException("percentile must be 1..100, not " + pct);
    if (values.isEmpty()) return 0;
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) ((pct * (long) sorted.size() + 99) / 100); // ceil(pct/100 * n)
    return sorted.get(Math.max(1, rank) - 1);
  }
}
