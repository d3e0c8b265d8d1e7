package io.collateralkeeper.devnet.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RateStrategySpecTest {
  @Test
  void percentagesBecomeExactRays() {
    RateStrategySpec s = RateStrategySpec.percent("80", "0", "3.8", "80", "4", "80", "2", "5", "20");
    assertThat(s.optimalUsageRatio()).isEqualTo(new BigInteger("800000000000000000000000000"));
    assertThat(s.variableRateSlope1()).isEqualTo(new BigInteger("38000000000000000000000000"));
    assertThat(s.baseVariableBorrowRate()).isZero();
    assertThat(RateStrategySpec.STABLE.stableRateSlope1()).isEqualTo(new BigInteger("5000000000000000000000000"));
  }

  @Test
  void refusesTheWrongNumberOfParameters() {
    assertThatThrownBy(() -> RateStrategySpec.percent("80")).isInstanceOf(IllegalArgumentException.class);
  }
}
