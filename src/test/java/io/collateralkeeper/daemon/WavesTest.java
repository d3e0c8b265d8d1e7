package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WavesTest {
  @Test
  void aSmallFirstWaveThenFixedWavesCoveringEverythingInOrder() {
    List<Integer> all = IntStream.range(0, 40).boxed().toList();
    List<List<Integer>> waves = Waves.of(all, 4, 16);
    assertThat(waves).extracting(List::size).containsExactly(4, 16, 16, 4);
    assertThat(waves.stream().flatMap(List::stream).toList()).isEqualTo(all);
  }

  @Test
  void fewerItemsThanTheFirstWave() {
    assertThat(Waves.of(List.of("a", "b"), 4, 16)).containsExactly(List.of("a", "b"));
    assertThat(Waves.of(List.of(), 4, 16)).isEmpty();
  }

  @Test
  void refusesEmptyWaves() {
    assertThatThrownBy(() -> Waves.of(List.of(1), 0, 16)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Waves.of(List.of(1), 4, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
