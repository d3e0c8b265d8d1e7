package io.collateralkeeper.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EWMA covariance from round histories, against hand computations. */
class EwmaCovarianceTest {
  private static final long HOUR = 3_600;

  /*
   * Hourly rounds, lambda = 0.9:
   *   A: 100 -> 110 -> 99 -> 99        r_A = ln(1.1) = 0.0953102, ln(0.9) = -0.1053605, 0
   *   B: 50 -> 52 -> 49.4 -> 50.388    r_B = ln(1.04) = 0.0392207, ln(0.95) = -0.0512933, ln(1.02) = 0.0198026
   * Per-second samples x = r_i r_j / 3600; the estimate starts at the first sample, then C = 0.9 C + 0.1 x:
   *   var_A: x = 2.5233e-6, 3.0835e-6, 0       -> 2.5233e-6 -> 2.5793e-6 -> 2.3214e-6
   *   var_B: x = 4.2729e-7, 7.3084e-7, 1.0893e-7 -> 4.2729e-7 -> 4.5765e-7 -> 4.2278e-7
   *   cov  : x = 1.0384e-6, 1.5012e-6, 0       -> 1.0384e-6 -> 1.0846e-6 -> 9.7619e-7
   *   hourly volatility: A sqrt(2.3214e-6 x 3600) = 9.1417%, B sqrt(4.2278e-7 x 3600) = 3.9013%
   *   correlation: 9.7619e-7 / sqrt(2.3214e-6 x 4.2278e-7) = 0.98537
   */
  @Test
  void shouldMatchAHandComputedTwoAssetHistory() {
    List<RoundObservation> a = rounds(0, HOUR, "100", "110", "99", "99");
    List<RoundObservation> b = rounds(0, HOUR, "50", "52", "49.4", "50.388");

    CovarianceEstimate c = EwmaCovariance.estimate(List.of(a, b), 0.9);

    assertThat(c.samples()).isEqualTo(3);
    assertThat(c.perSecond()[0][0]).isCloseTo(2.3214278e-6, within(1e-12));
    assertThat(c.perSecond()[1][1]).isCloseTo(4.2277742e-7, within(1e-13));
    assertThat(c.perSecond()[0][1]).isCloseTo(9.7618717e-7, within(1e-13));
    assertThat(c.volatility(0, HOUR)).isCloseTo(0.0914174, within(1e-7));
    assertThat(c.volatility(1, HOUR)).isCloseTo(0.0390128, within(1e-7));
    assertThat(c.correlation(0, 1)).isCloseTo(0.9853706, within(1e-7));
  }

  /*
   * A updates at 0, 100, 300; B at 0 and 200 only (a step function in between). Grid: 0, 100, 200, 300.
   *   interval 0-100:   r_A = ln(2), r_B = 0
   *   interval 100-200: r_A = 0,     r_B = ln(2)
   *   interval 200-300: r_A = ln(0.5), r_B = 0
   *   lambda 0.5: var_A = x: ln2^2/100, 0, ln2^2/100 -> 0.0048045 -> 0.0024023 -> 0.0036034
   *   covariance stays 0: the moves never overlap.
   */
  @Test
  void shouldAlignFeedsThatUpdateAtDifferentTimes() {
    List<RoundObservation> a = List.of(obs(0, "1"), obs(100, "2"), obs(300, "1"));
    List<RoundObservation> b = List.of(obs(0, "5"), obs(200, "10"));

    CovarianceEstimate c = EwmaCovariance.estimate(List.of(a, b), 0.5);

    double ln2sq = Math.log(2) * Math.log(2);
    assertThat(c.samples()).isEqualTo(3);
    assertThat(c.perSecond()[0][0]).isCloseTo(0.75 * ln2sq / 100, within(1e-15));
    assertThat(c.perSecond()[1][1]).isCloseTo(0.25 * ln2sq / 100, within(1e-15));
    assertThat(c.perSecond()[0][1]).isZero();
  }

  /*
   * A stablecoin feed with a single round at t = 7200 must not cut the other feed's history short: before its first
   * round it is held at its first answer. A: 100 -> 110 -> 99 hourly (as above), lambda 0.9:
   *   var_A = 2.5233e-6 -> 0.9 x 2.5233e-6 + 0.1 x 3.0836e-6 = 2.57936e-6; the stablecoin stays at 0.
   */
  @Test
  void aFeedThatStartsLateDoesNotCutTheHistoryShort() {
    CovarianceEstimate c =
        EwmaCovariance.estimate(List.of(rounds(0, HOUR, "100", "110", "99"), List.of(obs(2 * HOUR, "1"))), 0.9);
    assertThat(c.samples()).isEqualTo(2);
    assertThat(c.perSecond()[0][0]).isCloseTo(2.5793642e-6, within(1e-12));
    assertThat(c.perSecond()[1][1]).isZero();
  }

  @Test
  void aPeggedFeedHasNoVolatilityAndNoCorrelation() {
    CovarianceEstimate c =
        EwmaCovariance.estimate(List.of(rounds(0, HOUR, "1", "1", "1"), rounds(0, HOUR, "10", "11", "10")), 0.94);
    assertThat(c.volatility(0, HOUR)).isZero();
    assertThat(c.correlation(0, 1)).isZero();
    assertThat(c.correlation(0, 0)).isEqualTo(1);
  }

  @Test
  void aSingleRoundGivesNoSamples() {
    CovarianceEstimate c = EwmaCovariance.estimate(List.of(rounds(0, HOUR, "100")), 0.94);
    assertThat(c.samples()).isZero();
    assertThat(c.volatility(0, HOUR)).isZero();
  }

  private static List<RoundObservation> rounds(long start, long step, String... prices) {
    List<RoundObservation> out = new ArrayList<>();
    for (int i = 0; i < prices.length; i++) out.add(obs(start + i * step, prices[i]));
    return out;
  }

  /** A price with 8 decimals, as a USD feed answers it. */
  private static RoundObservation obs(long t, String price) {
    return new RoundObservation(t, new java.math.BigDecimal(price).movePointRight(8).toBigIntegerExact());
  }
}
