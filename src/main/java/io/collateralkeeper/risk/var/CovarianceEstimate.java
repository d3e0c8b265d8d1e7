package io.collateralkeeper.risk.var;

/**
 * A covariance matrix of log-returns per second, for a list of assets (price sources) in a fixed order. Scaling to a
 * horizon of H seconds multiplies it by H (returns taken as independent over time, zero mean).
 *
 * @param perSecond symmetric matrix, entry (i, j) = cov(r_i, r_j) per second of elapsed time
 * @param samples how many return intervals the estimate rests on (0: no history, every entry 0)
 */
public record CovarianceEstimate(double[][] perSecond, int samples) {
  public CovarianceEstimate {
    for (double[] row : perSecond) {
      if (row.length != perSecond.length) throw new IllegalArgumentException("covariance matrix is not square");
    }
  }

  /**
   * An estimate given directly as volatilities over a horizon and a correlation matrix (for tests and tools).
   *
   * @param volatilityOverHorizon standard deviation of each asset's log-return over {@code horizonSeconds}
   * @param correlation correlation matrix (1 on the diagonal)
   * @param horizonSeconds the horizon the volatilities refer to, seconds
   */
  public static CovarianceEstimate fromVolatilities(
      double[] volatilityOverHorizon, double[][] correlation, long horizonSeconds) {
    int n = volatilityOverHorizon.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = correlation[i][j] * volatilityOverHorizon[i] * volatilityOverHorizon[j] / horizonSeconds;
      }
    }
    return new CovarianceEstimate(c, Integer.MAX_VALUE);
  }

  /** Number of assets. */
  public int size() {
    return perSecond.length;
  }

  /** Covariance of assets i and j over {@code horizonSeconds}. */
  public double covariance(int i, int j, long horizonSeconds) {
    return perSecond[i][j] * horizonSeconds;
  }

  /** Standard deviation of asset i's log-return over {@code horizonSeconds} (e.g. 0.03 = 3%). */
  public double volatility(int i, long horizonSeconds) {
    return Math.sqrt(Math.max(0, covariance(i, i, horizonSeconds)));
  }

  /** Correlation of assets i and j; 0 when either has no variance (a pegged or silent feed). */
  public double correlation(int i, int j) {
    double d = Math.sqrt(perSecond[i][i] * perSecond[j][j]);
    return d > 0 ? perSecond[i][j] / d : (i == j ? 1 : 0);
  }
}
