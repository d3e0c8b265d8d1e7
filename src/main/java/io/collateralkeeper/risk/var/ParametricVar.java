package io.collateralkeeper.risk.var;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Variance-covariance VaR and expected shortfall of a position that is linear in its assets' log-returns: the change
 * is {@code dS = sum_i delta_i r_i}, normal with variance {@code delta' Sigma_H delta}, where {@code Sigma_H} is the
 * covariance matrix over the horizon (correlations included). At confidence q the adverse quantile is {@code z_q
 * sigma} and the expected shortfall {@code sigma phi(z_q) / (1 - q)}. Pure; doubles are fine here (statistics, not
 * on-chain amounts).
 */
public final class ParametricVar {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private ParametricVar() {}

  /**
   * @param exposuresUsd delta of each asset: USD change of the position per unit log-return of the asset, in the order
   *     of {@code covariance}
   * @param covariance per-second covariance of the assets' log-returns
   * @param horizonSeconds horizon H, seconds
   * @param confidence q, in (0.5, 1), e.g. 0.99
   * @throws IllegalArgumentException on mismatched sizes or a confidence outside (0.5, 1)
   */
  public static VarResult of(double[] exposuresUsd, CovarianceEstimate covariance, long horizonSeconds, double confidence) {
    if (exposuresUsd.length != covariance.size()) throw new IllegalArgumentException("exposures and covariance differ in size");
    if (!(confidence > 0.5 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0.5, 1)");
    if (horizonSeconds <= 0) throw new IllegalArgumentException("horizon must be positive");
    double variance = 0;
    for (int i = 0; i < exposuresUsd.length; i++) {
      for (int j = 0; j < exposuresUsd.length; j++) {
        variance += exposuresUsd[i] * exposuresUsd[j] * covariance.covariance(i, j, horizonSeconds);
      }
    }
    double sigma = Math.sqrt(Math.max(0, variance));
    double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
    double es = sigma * STANDARD_NORMAL.density(z) / (1 - confidence);
    return new VarResult(sigma, z, z * sigma, es);
  }
}
