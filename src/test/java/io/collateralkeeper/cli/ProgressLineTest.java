package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void shouldDrawABarAndASentence() {
    assertThat(ProgressLine.bar(1, 100, 50)).isEqualTo("indexing [###############...............]  50% block 50 of 100");
    assertThat(ProgressLine.bar(1, 100, 100)).startsWith("indexing [##############################] 100%");
    assertThat(ProgressLine.sentence(1_000_001, 2_000_000, 1_250_000)).isEqualTo("indexing history: block 1,250,000 of 2,000,000 (25%)");
  }
}
