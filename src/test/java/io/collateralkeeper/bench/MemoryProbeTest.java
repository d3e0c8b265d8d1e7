package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {
  private static final String STATUS =
      "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\nThreads:\t42\n";

  @Test
  void shouldReadKilobyteFieldsOfProcStatusAsBytes() {
    assertThat(MemoryProbe.statusBytes(STATUS, "VmRSS")).hasValue(262_144L * 1024);
    assertThat(MemoryProbe.statusBytes(STATUS, "VmHWM")).hasValue(512L * 1024 * 1024);
  }

  @Test
  void shouldGiveNothingForAMissingOrMalformedField() {
    assertThat(MemoryProbe.statusBytes(STATUS, "VmSwap")).isEmpty();
    assertThat(MemoryProbe.statusBytes(STATUS, "Threads")).isEmpty();
    assertThat(MemoryProbe.statusBytes("VmRSS:\tlots kB\n", "VmRSS")).isEmpty();
    assertThat(MemoryProbe.statusBytes("", "VmRSS")).isEqualTo(OptionalLong.empty());
  }

  @Test
  void shouldReadThisJvmsHeap() {
    MemoryProbe probe = new MemoryProbe();
    probe.resetPeaks();
    byte[] held = new byte[8 * 1024 * 1024];
    MemoryProbe.Reading r = probe.read();
    assertThat(held).hasSize(8 * 1024 * 1024);
    assertThat(r.heapUsedAfterGc()).isGreaterThan(8L * 1024 * 1024).isLessThanOrEqualTo(r.heapMax());
    assertThat(r.heapPeak()).isGreaterThan(0);
  }
}
