package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.var.CovarianceEstimate;
import io.collateralkeeper.risk.var.EwmaCovariance;
import io.collateralkeeper.risk.var.Exposure;
import io.collateralkeeper.risk.var.ParametricVar;
import io.collateralkeeper.risk.var.RoundObservation;
import io.collateralkeeper.risk.var.VarResult;
import io.collateralkeeper.risk.var.VarTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code target: auto}: the health at which an account survives the q-quantile adverse move of its assets over the
 * horizon. EWMA covariance of the feeds' round histories ({@link EwmaCovariance}), parametric VaR / expected shortfall
 * of the account's surplus with the correlation matrix ({@link ParametricVar}), then {@code target = floor + loss /
 * denominator} ({@link VarTarget}). The exposures are those of the account as it is now; a top-up in a stable asset
 * leaves them unchanged, so the target holds exactly after it. Pure.
 */
public final class VolatilityTarget {
  private VolatilityTarget() {}

  /**
   * @param exposure the account's surplus sensitivities (computed with {@code settings.floorWad()})
   * @param history round history of every feed in the exposure
   * @throws IllegalArgumentException when a feed's history is missing
   */
  public static TargetReport compute(
      Exposure exposure, Map<Address, List<RoundObservation>> history, AutoSettings settings) {
    List<Address> feeds = new ArrayList<>(exposure.deltasUsdWad().keySet());
    feeds.sort(null);
    List<List<RoundObservation>> series = new ArrayList<>();
    double[] deltas = new double[feeds.size()];
    for (int i = 0; i < feeds.size(); i++) {
      List<RoundObservation> h = history.get(feeds.get(i));
      if (h == null) throw new IllegalArgumentException("no round history for feed " + feeds.get(i));
      series.add(h);
      deltas[i] = new BigDecimal(exposure.deltasUsdWad().get(feeds.get(i)), 18).doubleValue();
    }
    CovarianceEstimate cov = EwmaCovariance.estimate(series, settings.lambda());
    VarResult risk = ParametricVar.of(deltas, cov, settings.horizonSeconds(), settings.confidence());
    double loss = settings.expectedShortfall() ? risk.expectedShortfallUsd() : risk.valueAtRiskUsd();
    BigInteger target = VarTarget.targetWad(settings.floorWad(), loss, exposure.denominatorUsdWad());
    double[] vols = new double[feeds.size()];
    double[][] corr = new double[feeds.size()][feeds.size()];
    for (int i = 0; i < feeds.size(); i++) {
      vols[i] = cov.volatility(i, settings.horizonSeconds());
      for (int j = 0; j < feeds.size(); j++) corr[i][j] = cov.correlation(i, j);
    }
    return new TargetReport(target, settings, exposure.denominatorUsdWad(), List.copyOf(feeds), deltas, vols, corr,
        cov.samples(), risk);
  }
}
