package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tip floor: lower median of the per-block percentile rewards, ignoring empty blocks. */
class FeeHistoryFloorTest {

  @Test
  void shouldTakeTheMedianOfTheBlocksThatUsedGas() {
    // the empty block's 0 reward is ignored: median of {3, 1, 2} gwei = 2 gwei
    BigInteger floor = FeeHistoryFloor.aggregate(gwei(3, 0, 1, 2), List.of(0.5, 0.0, 0.2, 0.9));
    assertThat(floor).isEqualTo(BigInteger.valueOf(2_000_000_000L));
  }

  @Test
  void shouldTakeTheLowerMiddleOfAnEvenCount() {
    assertThat(FeeHistoryFloor.aggregate(gwei(4, 1, 3, 2), List.of(0.1, 0.1, 0.1, 0.1)))
        .isEqualTo(BigInteger.valueOf(2_000_000_000L));
  }

  @Test
  void shouldBeZeroWhenEveryBlockWasEmpty() {
    assertThat(FeeHistoryFloor.aggregate(gwei(0, 0), List.of(0.0, 0.0))).isZero();
    assertThat(FeeHistoryFloor.aggregate(List.of(), List.of())).isZero();
  }

  @Test
  void shouldSkipBlocksWithoutAReward() {
    List<BigInteger> rewards = Arrays.asList(null, BigInteger.valueOf(7));
    assertThat(FeeHistoryFloor.aggregate(rewards, List.of(0.3, 0.3))).isEqualTo(BigInteger.valueOf(7));
  }

  @Test
  void shouldRejectMismatchedLists() {
    assertThatThrownBy(() -> FeeHistoryFloor.aggregate(gwei(1), List.of(0.1, 0.2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<BigInteger> gwei(long... values) {
    return Arrays.stream(values).mapToObj(v -> BigInteger.valueOf(v).multiply(BigInteger.TEN.pow(9))).toList();
  }
}
