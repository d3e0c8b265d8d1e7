package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveHeapTrackerTest {
  @Test
  void shouldSeeTheLiveHeapOfACollectionThatHappenedWhileListening() throws InterruptedException {
    try (LiveHeapTracker tracker = new LiveHeapTracker()) {
      byte[] held = new byte[32 * 1024 * 1024];
      System.gc();
      for (int i = 0; i < 100 && tracker.collections() == 0; i++) Thread.sleep(50); // notifications are asynchronous
      assertThat(held).hasSize(32 * 1024 * 1024);
      assertThat(tracker.collections()).isPositive();
      assertThat(tracker.maxLiveBytes()).isGreaterThanOrEqualTo(32L * 1024 * 1024);
    }
  }
}
