package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RpcCounterTest {
  @Test
  void shouldCountRequestsCallsAndMethodsOnlyInsideAWindow() {
    RpcCounter c = new RpcCounter();
    assertThat(c.observesRequests()).isFalse();
    c.onRequest("e", List.of("eth_call")); // before the window: ignored

    c.start();
    assertThat(c.observesRequests()).isTrue();
    c.onRequest("e", List.of("eth_getBlockByNumber"));
    c.onResponse("e", 1_000, 200);
    c.onRequest("e", List.of("eth_call", "eth_call", "eth_call"));
    c.onResponse("e", 7_000, 200);
    c.onRequest("e", List.of(RpcCounter.SEND_RAW, RpcCounter.SEND_RAW));
    c.onFailure("e", 5, "ConnectException");
    c.onRequest("e", List.of("eth_call", "eth_call", "eth_call"));
    c.onResponse("e", 3_000, 200);
    RpcCounter.Window w = c.stop();

    assertThat(c.observesRequests()).isFalse();
    assertThat(w.httpRequests()).isEqualTo(4);
    assertThat(w.calls()).isEqualTo(9);
    assertThat(w.failures()).isEqualTo(1);
    assertThat(w.waitNanos())
        .containsEntry("eth_getBlockByNumber", 1_000L)
        .containsEntry("eth_call x 3", 10_000L)
        .containsEntry(RpcCounter.SEND_RAW + " x 2", 5L);
    assertThat(w.byMethod()).containsEntry("eth_call", 6L).containsEntry("eth_getBlockByNumber", 1L).containsEntry(RpcCounter.SEND_RAW, 2L);
    assertThat(w.sendNanos()).hasSize(2).allSatisfy(n -> assertThat(n).isNotNegative());
  }

  @Test
  void shouldNameAMixedBatchByItsMethods() {
    assertThat(RpcCounter.kind(List.of("eth_call", "eth_getLogs", "eth_call"))).isEqualTo("eth_call+eth_getLogs");
    assertThat(RpcCounter.kind(List.of("eth_chainId"))).isEqualTo("eth_chainId");
    assertThat(RpcCounter.kind(List.of())).isEqualTo("?");
  }

  @Test
  void shouldStartEachWindowFromZero() {
    RpcCounter c = new RpcCounter();
    c.start();
    c.onRequest("e", List.of("eth_call"));
    c.stop();
    c.start();
    RpcCounter.Window w = c.stop();
    assertThat(w.httpRequests()).isZero();
    assertThat(w.byMethod()).isEmpty();
  }
}
