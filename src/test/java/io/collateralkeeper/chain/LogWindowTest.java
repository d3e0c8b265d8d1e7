package io.collateralkeeper.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The log indexer's window sizing: about {@link LogIndexer#TARGET_LOGS} logs an answer, at most doubling. */
class LogWindowTest {
  @Test
  void shrinksToTheDensitySeen() {
    // 8 blocks answered 24,000 logs: 3,000 a block, so 3 blocks hold about 10,000
    assertThat(LogIndexer.nextWindow(8, 8, 24_000, 5_000)).isEqualTo(3);
    // one block denser than the target still moves on one block at a time
    assertThat(LogIndexer.nextWindow(3, 1, 50_000, 5_000)).isEqualTo(1);
  }

  @Test
  void growsAtMostTwofoldUpToTheMaximum() {
    assertThat(LogIndexer.nextWindow(8, 8, 0, 5_000)).isEqualTo(16);
    assertThat(LogIndexer.nextWindow(8, 8, 10, 5_000)).isEqualTo(16);
    assertThat(LogIndexer.nextWindow(4_096, 4_096, 100, 5_000)).isEqualTo(5_000);
    assertThat(LogIndexer.nextWindow(16, 16, 15_000, 5_000)).isEqualTo(10);
  }
}
