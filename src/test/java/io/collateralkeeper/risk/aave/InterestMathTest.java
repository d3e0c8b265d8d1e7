package io.collateralkeeper.risk.aave;

import static io.collateralkeeper.risk.aave.TestReserves.big;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * MathUtils.sol's interest factors, worked by hand. The rate 3.1536% a year (3.1536e25 ray) is chosen so that
 * rate / SECONDS_PER_YEAR = 3.1536e25 / 31,536,000 = 1e18 exactly.
 */
class InterestMathTest {
  private static final BigInteger RATE = big("31_536_000_000_000_000_000_000_000");
  private static final long YEAR = 31_536_000L;

  @Test
  void linearInterestIsSimpleInterestOverTheElapsedSeconds() {
    BigInteger fivePercent = big("50_000_000_000_000_000_000_000_000");
    // one year at 5%: 1e27 + 5e25 x 31,536,000 / 31,536,000 = 1.05e27
    assertThat(InterestMath.linearInterest(fivePercent, 1_000, 1_000 + YEAR))
        .isEqualTo(big("1_050_000_000_000_000_000_000_000_000"));
    // half a year: 1.025e27
    assertThat(InterestMath.linearInterest(fivePercent, 1_000, 1_000 + YEAR / 2))
        .isEqualTo(big("1_025_000_000_000_000_000_000_000_000"));
    // 7 seconds at 3.1536%: 1e27 + 7e18
    assertThat(InterestMath.linearInterest(RATE, 10, 17)).isEqualTo(big("1_000_000_007_000_000_000_000_000_000"));
  }

  @Test
  void compoundedInterestIsOneWithoutElapsedTime() {
    assertThat(InterestMath.compoundedInterest(RATE, 500, 500)).isEqualTo(WadRayMath.RAY);
  }

  @Test
  void compoundedInterestOverOneSecondIsTheLinearTerm() {
    // exp = 1: the second and third terms carry (exp - 1) = 0
    assertThat(InterestMath.compoundedInterest(RATE, 500, 501)).isEqualTo(big("1_000_000_001_000_000_000_000_000_000"));
  }

  @Test
  void compoundedInterestAddsTheSecondTermAfterTwoSeconds() {
    // basePowerTwo = rayMul(r, r) / SPY^2 = 9.94519296e23 / 9.94519296e14 = 1e9
    // exp = 2: 1e27 + 2 x 1e18 + (2 x 1 x 1e9) / 2 + 0 (exp - 2 = 0)
    assertThat(InterestMath.compoundedInterest(RATE, 500, 502)).isEqualTo(big("1_000_000_002_000_000_001_000_000_000"));
  }

  @Test
  void compoundedInterestAddsTheThirdTermAfterThreeSeconds() {
    // basePowerThree = rayMul(1e9, r) / SPY = 31,536,000 / 31,536,000 = 1
    // exp = 3: 1e27 + 3e18 + (3 x 2 x 1e9) / 2 + (3 x 2 x 1 x 1) / 6 = 1e27 + 3e18 + 3e9 + 1
    assertThat(InterestMath.compoundedInterest(RATE, 500, 503)).isEqualTo(big("1_000_000_003_000_000_003_000_000_001"));
  }

  @Test
  void revertsWhenTheTimestampPrecedesTheLastUpdate() {
    assertThatThrownBy(() -> InterestMath.linearInterest(RATE, 10, 9)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> InterestMath.compoundedInterest(RATE, 10, 9)).isInstanceOf(ArithmeticException.class);
  }
}
