package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchStatsTest {
  private static final BenchReport.ReadAll READ_ALL = new BenchReport.ReadAll(3, 5, 400, 100_000, 3_000);

  @Test
  void shouldAverageTheSteadyStateHeadsAndCompareThemWithReadingEverything() {
    List<BenchStats.Head> heads =
        List.of(
            head(10_000_000, 2, 50, Map.of("eth_getBlockByNumber", 1L, "eth_getLogs", 1L, "eth_call", 1L)),
            head(30_000_000, 3, 40, Map.of("eth_getBlockByNumber", 1L, "eth_getLogs", 1L, "eth_call", 2L)));
    BenchReport.SteadyState s = BenchStats.steady(heads, 50, READ_ALL);
    assertThat(s.blocks()).isEqualTo(2);
    assertThat(s.callsPerBlock()).isEqualTo(3.5);
    assertThat(s.httpRequestsPerBlock()).isEqualTo(2.5);
    assertThat(s.maxCallsPerBlock()).isEqualTo(4);
    assertThat(s.accountsReadPerBlock()).isEqualTo(45.0);
    assertThat(s.callsByMethodPerBlock()).containsEntry("eth_call", 1.5).containsEntry("eth_getLogs", 1.0);
    assertThat(s.medianMillis()).isEqualTo(10);
    assertThat(s.callsRatio()).isEqualTo(3.5 / 400);
  }

  @Test
  void shouldSummarizeTheReadAllKeepersHeads() {
    BenchReport.ReadAll r =
        BenchStats.readAll(
            List.of(head(3_000_000_000L, 1, 100_000, Map.of("eth_call", 201L)),
                head(2_000_000_000L, 1, 100_000, Map.of("eth_call", 203L))));
    assertThat(r.blocks()).isEqualTo(2);
    assertThat(r.callsPerBlock()).isEqualTo(202.0);
    assertThat(r.accountsReadPerBlock()).isEqualTo(100_000.0);
    assertThat(r.medianMillis()).isEqualTo(2_000);
  }

  @Test
  void shouldTakeLatencyPercentilesOverEverySendOfEveryRound() {
    List<BenchStats.Head> rounds =
        List.of(sends(90_000_000, 10_000_000, 20_000_000), sends(80_000_000, 30_000_000, 70_000_000));
    BenchReport.Latency l = BenchStats.latency(rounds, List.of(2, 2), List.of(2, 2), 2);
    assertThat(l.sendsCounted()).isEqualTo(4);
    assertThat(l.medianMillis()).isEqualTo(20.0);
    assertThat(l.p99Millis()).isEqualTo(70.0);
    assertThat(l.maxMillis()).isEqualTo(70.0);
    assertThat(l.processHeadMillis()).containsExactly(90L, 80L);
    // batches of different sizes add up by method; the mean per round
    assertThat(l.waitMillisPerRound()).containsEntry("eth_estimateGas batch", 40.0).containsEntry(RpcCounter.SEND_RAW + " batch", 2.0);
  }

  @Test
  void shouldJudgeEachFigureAgainstItsTarget() {
    BenchReport.ColdStart cold =
        new BenchReport.ColdStart(
            59_999, 100_000, 10, 500, Map.of(), Map.of(), 400L << 20, 900L << 20, 4L << 30, null, null, false,
            new BenchReport.HeapCap(512, false, 20_000, "OutOfMemoryError"));
    BenchReport.SteadyState steady =
        new BenchReport.SteadyState(20, 50, 3, 3.1, 4, 50, Map.of(), 20, READ_ALL, 3.1 / 400);
    BenchReport.Latency latency =
        new BenchReport.Latency(
            2, List.of(100, 100), List.of(100, 99), 199, 100, 49.9, 200.0, 250.0, List.of(300L, 310L), Map.of());

    List<BenchReport.Target> t = BenchStats.targets(cold, steady, latency, 100);

    assertThat(t).extracting(BenchReport.Target::name)
        .containsExactly("cold start", "cold start in a 512 MiB heap", "JSON-RPC calls per steady block",
            "liquidations sent per round", "block -> send, median", "block -> send, p99");
    assertThat(t).extracting(BenchReport.Target::met).containsExactly(true, false, true, false, true, false);
    assertThat(t.get(2).target()).isEqualTo("<= 3.1 (3 + 50/500)");
    assertThat(t.get(1).value()).isEqualTo("OOM or failure");
  }

  @Test
  void shouldNotCountLatencyTargetsAsMetWithoutAnySend() {
    BenchReport.Latency none = new BenchReport.Latency(1, List.of(0), List.of(0), 0, 0, 0, 0, 0, List.of(5L), Map.of());
    BenchReport.ColdStart cold = new BenchReport.ColdStart(
            1, 1, 1, 1, Map.of(), Map.of(), 1, 1, 1, null, null, false, new BenchReport.HeapCap(512, true, 1, "exit 0"));
    BenchReport.SteadyState steady = new BenchReport.SteadyState(1, 0, 1, 1, 1, 0, Map.of(), 1, READ_ALL, 0);
    List<BenchReport.Target> t = BenchStats.targets(cold, steady, none, 0);
    assertThat(t.get(4).met()).isFalse();
    assertThat(t.get(5).met()).isFalse();
  }

  private static BenchStats.Head head(long nanos, long http, int accountsRead, Map<String, Long> byMethod) {
    long calls = byMethod.values().stream().mapToLong(Long::longValue).sum();
    return new BenchStats.Head(nanos, new RpcCounter.Window(http, calls, 0, byMethod, List.of(), Map.of()), accountsRead);
  }

  private static BenchStats.Head sends(long nanos, long... sendNanos) {
    List<Long> s = java.util.Arrays.stream(sendNanos).boxed().toList();
    return new BenchStats.Head(
        nanos, new RpcCounter.Window(
            1, s.size(), 0, Map.of(RpcCounter.SEND_RAW, (long) s.size()), s,
            Map.of("eth_estimateGas x " + s.size(), 40_000_000L, RpcCounter.SEND_RAW + " x " + s.size(), 2_000_000L)), 0);
  }
}
