package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void shouldTakeTheNearestRankWhateverTheOrder() {
    List<Long> values = new ArrayList<>();
    for (long v = 1; v <= 200; v++) values.add(v);
    Collections.shuffle(values, new java.util.Random(1));
    assertThat(Percentiles.of(values, 50)).isEqualTo(100);
    assertThat(Percentiles.of(values, 99)).isEqualTo(198);
    assertThat(Percentiles.of(values, 100)).isEqualTo(200);
    assertThat(Percentiles.of(values, 1)).isEqualTo(2);
  }

  @Test
  void shouldGiveTheLowerMiddleAsMedianOfAnEvenCountAndTheOnlyValueOfOne() {
    assertThat(Percentiles.of(List.of(40L, 10L, 30L, 20L), 50)).isEqualTo(20);
    assertThat(Percentiles.of(List.of(7L), 99)).isEqualTo(7);
    assertThat(Percentiles.of(List.of(), 50)).isZero();
  }

  @Test
  void shouldRefuseAPercentileOutsideOneToHundred() {
    assertThatThrownBy(() -> Percentiles.of(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(List.of(1L), 101)).isInstanceOf(IllegalArgumentException.class);
  }
}
