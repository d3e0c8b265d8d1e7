package io.collateralkeeper.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The VaR target against a two-asset example worked by hand. */
class ParametricVarTest {
  private static final long HOUR = 3_600;

  /*
   * Hand computation (two assets, horizon H = 1 hour, confidence q = 99%):
   *   exposures (USD per unit log-return): ETH +60,000 (a long), BTC -20,000 (a short)
   *   volatility over H: ETH 5%, BTC 3%; correlation rho = 0.5
   *   variance = 60000^2 x 0.05^2 + 20000^2 x 0.03^2 + 2 x 60000 x (-20000) x 0.5 x 0.05 x 0.03
   *            = 9,000,000 + 360,000 - 1,800,000 = 7,560,000 (USD^2)
   *   sigma    = sqrt(7,560,000) = 2,749.54542
   *   z_0.99   = 2.3263479 (standard normal quantile)
   *   VaR      = z x sigma = 2.3263479 x 2,749.54542 = 6,396.3991
   *   phi(z)   = exp(-z^2 / 2) / sqrt(2 pi) = 0.02665214
   *   ES       = sigma x phi(z) / (1 - q) = 2,749.54542 x 0.02665214 / 0.01 = 7,328.1275
   *   The account's maintenance requirement (the health denominator) is $5,000; floor 1.0:
   *   target   = 1 + VaR / 5,000 = 1 + 1.27927983 = 2.27927983
   *   with ES  = 1 + 7,328.1275 / 5,000 = 2.46562551
   */
  @Test
  void shouldMatchTheHandWorkedTwoAssetExample() {
    CovarianceEstimate cov =
        CovarianceEstimate.fromVolatilities(new double[] {0.05, 0.03}, new double[][] {{1, 0.5}, {0.5, 1}}, HOUR);

    VarResult r = ParametricVar.of(new double[] {60_000, -20_000}, cov, HOUR, 0.99);

    assertThat(r.sigmaUsd()).isCloseTo(2_749.54542, within(1e-5));
    assertThat(r.z()).isCloseTo(2.3263479, within(1e-7));
    assertThat(r.valueAtRiskUsd()).isCloseTo(6_396.3991, within(1e-4));
    assertThat(r.expectedShortfallUsd()).isCloseTo(7_328.1275, within(1e-4));

    BigInteger denominator = Units.WAD.multiply(BigInteger.valueOf(5_000));
    BigInteger target = VarTarget.targetWad(Units.WAD, r.valueAtRiskUsd(), denominator);
    assertThat(target).isBetween(new BigInteger("2279279820000000000"), new BigInteger("2279279840000000000"));
    BigInteger esTarget = VarTarget.targetWad(Units.WAD, r.expectedShortfallUsd(), denominator);
    assertThat(esTarget).isBetween(new BigInteger("2465625500000000000"), new BigInteger("2465625520000000000"));
  }

  @Test
  void shouldScaleWithTheSquareRootOfTheHorizon() {
    CovarianceEstimate cov = CovarianceEstimate.fromVolatilities(new double[] {0.02}, new double[][] {{1}}, HOUR);
    double oneHour = ParametricVar.of(new double[] {10_000}, cov, HOUR, 0.99).valueAtRiskUsd();
    double fourHours = ParametricVar.of(new double[] {10_000}, cov, 4 * HOUR, 0.99).valueAtRiskUsd();
    assertThat(fourHours).isCloseTo(2 * oneHour, within(1e-9));
  }

  @Test
  void hedgedExposuresOfPerfectlyCorrelatedAssetsCarryNoRisk() {
    CovarianceEstimate cov =
        CovarianceEstimate.fromVolatilities(new double[] {0.04, 0.04}, new double[][] {{1, 1}, {1, 1}}, HOUR);
    assertThat(ParametricVar.of(new double[] {5_000, -5_000}, cov, HOUR, 0.99).valueAtRiskUsd()).isCloseTo(0, within(1e-9));
  }

  @Test
  void targetIsExactAndRoundsUp() {
    // a $1 loss on a $3 requirement: 1 + 1/3, rounded up in the last wei
    BigInteger t = VarTarget.targetWad(Units.WAD, 1.0, Units.WAD.multiply(BigInteger.valueOf(3)));
    assertThat(t).isEqualTo(new BigInteger("1333333333333333334"));
    assertThat(VarTarget.targetWad(Units.WAD, 1_000, BigInteger.ZERO)).isEqualTo(Units.WAD);
  }

  @Test
  void refusesAConfidenceOutsideTheOpenInterval() {
    CovarianceEstimate cov = CovarianceEstimate.fromVolatilities(new double[] {0.02}, new double[][] {{1}}, HOUR);
    assertThatThrownBy(() -> ParametricVar.of(new double[] {1}, cov, HOUR, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParametricVar.of(new double[] {1}, cov, HOUR, 0.4)).isInstanceOf(IllegalArgumentException.class);
  }
}
