package io.collateralkeeper.risk.var;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exponentially weighted (RiskMetrics-style) covariance of log-returns from oracle round histories.
 *
 * <p>Feeds update at different times, so the histories are first put on a common grid: the union of every round's
 * {@code updatedAt}, each asset priced at its last answer at or before a grid time (a step function; a feed that did
 * not update over an interval has a zero return there, and before its first round a feed is held at its first
 * answer: a rarely updated feed, such as a stablecoin's, does not cut the others' history short). For each interval of
 * {@code dt} seconds the sample is {@code x_ij = r_i r_j / dt} with {@code r = ln(p_t / p_(t-1))}, a per-second
 * covariance that makes irregular intervals comparable. The estimate starts at the first sample and then moves as
 * {@code C = lambda C + (1 - lambda) x} for each later sample (lambda 0.94 weighs the last ~16 intervals most). Zero
 * mean, as usual for short horizons. Pure.
 */
public final class EwmaCovariance {
  private EwmaCovariance() {}

  /**
   * @param series one round history per asset, any order within a history
   * @param lambda decay per interval, in (0, 1)
   * @return the per-second covariance of the assets in the order of {@code series}
   * @throws IllegalArgumentException when lambda is outside (0, 1)
   */
  public static CovarianceEstimate estimate(List<List<RoundObservation>> series, double lambda) {
    if (!(lambda > 0 && lambda < 1)) throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
    int n = series.size();
    List<TreeMap<Long, Double>> prices = new ArrayList<>();
    for (List<RoundObservation> s : series) prices.add(steps(s));
    double[][] c = new double[n][n];
    if (n == 0 || prices.stream().anyMatch(TreeMap::isEmpty)) return new CovarianceEstimate(c, 0);
    TreeSet<Long> grid = new TreeSet<>();
    for (TreeMap<Long, Double> p : prices) grid.addAll(p.keySet());
    int samples = 0;
    Long previous = null;
    for (long t : grid) {
      if (previous != null) {
        double dt = t - previous;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          r[i] = Math.log(priceAt(prices.get(i), t) / priceAt(prices.get(i), previous));
        }
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            double x = r[i] * r[j] / dt;
            c[i][j] = samples == 0 ? x : lambda * c[i][j] + (1 - lambda) * x;
          }
        }
        samples++;
      }
      previous = t;
    }
    return new CovarianceEstimate(c, samples);
  }

  /** The last answer at or before {@code t}, or the first answer when the feed had none yet. */
  private static double priceAt(TreeMap<Long, Double> steps, long t) {
    var e = steps.floorEntry(t);
    return (e != null ? e : steps.firstEntry()).getValue();
  }

  /** A history as a step function of time: positive answers only; of rounds at the same second, the last wins. */
  private static TreeMap<Long, Double> steps(List<RoundObservation> rounds) {
    TreeMap<Long, Double> out = new TreeMap<>();
    rounds.stream()
        .filter(r -> r.answer().signum() > 0)
        .sorted(Comparator.comparingLong(RoundObservation::updatedAt))
        .forEach(r -> out.put(r.updatedAt(), r.answer().doubleValue()));
    return out;
  }
}
