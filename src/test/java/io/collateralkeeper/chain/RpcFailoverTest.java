package io.collateralkeeper.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.FakeRpcEndpoint.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ChainClient} over several scripted endpoints: failover, lag demotion, broadcast to all, chain-id checks. */
class RpcFailoverTest {
  private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open.reversed()) c.close();
  }

  @Test
  void shouldFailReadsOverToTheNextEndpointWhenThePreferredOneIsDown() {
    FakeRpcEndpoint a = node(head(100));
    FakeRpcEndpoint b = node(head(100));
    ChainClient chain = client(a, b);
    assertThat(chain.chainId()).isEqualTo(31337);
    assertThat(a.count("eth_chainId")).isEqualTo(1);
    assertThat(b.count("eth_chainId")).isZero();

    a.handler((m, p) -> Reply.raw(503, ""));
    assertThat(chain.chainId()).isEqualTo(31337);
    assertThat(b.count("eth_chainId")).isEqualTo(1);
    assertThat(chain.endpointHealth().get(0).state()).isEqualTo(EndpointState.DOWN);
    assertThat(chain.endpointHealth().get(0).lastError()).contains("HTTP 503");
    assertThat(chain.endpoint()).isEqualTo(b.url());

    // the down endpoint is tried last now: reads go straight to the backup
    chain.chainId();
    assertThat(a.count("eth_chainId")).isEqualTo(2);
    assertThat(b.count("eth_chainId")).isEqualTo(2);
  }

  @Test
  void shouldDemoteAnEndpointWhoseHeadLagsMoreThanTheLimit() {
    AtomicLong headA = new AtomicLong(100);
    FakeRpcEndpoint a = node((m, p) -> m.equals("eth_blockNumber") ? Reply.result(hex(headA.get())) : chainOrNull(m));
    FakeRpcEndpoint b = node(head(104));
    ChainClient chain = client(a, b);

    assertThat(chain.blockNumber()).isEqualTo(104); // a is 4 behind, the limit is 3
    assertThat(chain.endpointHealth()).extracting(EndpointHealth::state)
        .containsExactly(EndpointState.LAGGING, EndpointState.HEALTHY);
    assertThat(chain.endpointHealth().get(0).lagBlocks()).isEqualTo(4);
    chain.chainId();
    assertThat(a.count("eth_chainId")).isZero();

    headA.set(102); // within the limit again: preferred again
    assertThat(chain.blockNumber()).isEqualTo(102);
    assertThat(chain.endpointHealth()).extracting(EndpointHealth::state).containsOnly(EndpointState.HEALTHY);
  }

  @Test
  void shouldBroadcastToEveryEndpointAndCountTheFirstAcceptance() {
    String hash = "0x" + "ab".repeat(32);
    FakeRpcEndpoint a = node((m, p) -> m.equals("eth_sendRawTransaction") ? Reply.error(-32000, "nonce too low") : head(1).reply(m, p));
    FakeRpcEndpoint b = node((m, p) -> m.equals("eth_sendRawTransaction") ? Reply.result(hash) : head(1).reply(m, p));
    ChainClient chain = client(a, b);
    assertThat(chain.sendRaw("0x02f8")).isEqualTo(hash);
    assertThat(a.count("eth_sendRawTransaction")).isEqualTo(1);
    assertThat(b.count("eth_sendRawTransaction")).isEqualTo(1);
  }

  @Test
  void shouldCountAlreadyKnownAsAcceptedAndReportTheNodesRefusalOtherwise() {
    FakeRpcEndpoint a = node((m, p) -> m.equals("eth_sendRawTransaction") ? Reply.error(-32000, "already known") : head(1).reply(m, p));
    FakeRpcEndpoint b = node((m, p) -> m.equals("eth_sendRawTransaction") ? Reply.raw(502, "") : head(1).reply(m, p));
    ChainClient chain = client(a, b);
    assertThat(chain.sendRaw("0x02f8")).isEqualTo(org.web3j.crypto.Hash.sha3("0x02f8"));

    a.handler((m, p) -> m.equals("eth_sendRawTransaction") ? Reply.error(-32000, "replacement transaction underpriced") : head(1).reply(m, p));
    assertThatThrownBy(() -> chain.sendRaw("0x02f8"))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("underpriced")
        .hasNoCause(); // a node's answer, not a transport failure
  }

  @Test
  void shouldReportEveryEndpointWhenAllAreDown() {
    FakeRpcEndpoint a = node((m, p) -> Reply.raw(503, ""));
    FakeRpcEndpoint b = node((m, p) -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"resu"));
    ChainClient chain = client(a, b);
    assertThatThrownBy(chain::blockNumber)
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("malformed JSON")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(chain::chainId).isInstanceOf(RpcException.class).hasMessageContaining("every endpoint failed");
    assertThat(chain.endpointHealth()).extracting(EndpointHealth::state).containsOnly(EndpointState.DOWN);
  }

  @Test
  void shouldBringADownEndpointBackOnceItAnswersAgain() {
    FakeRpcEndpoint a = node((m, p) -> Reply.raw(503, ""));
    FakeRpcEndpoint b = node(head(7));
    ChainClient chain = client(a, b);
    assertThat(chain.blockNumber()).isEqualTo(7);
    assertThat(chain.endpointHealth().get(0).state()).isEqualTo(EndpointState.DOWN);
    a.handler(head(7));
    Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      chain.blockNumber();
      assertThat(chain.endpointHealth().get(0).state()).isEqualTo(EndpointState.HEALTHY);
    });
    assertThat(chain.endpoint()).isEqualTo(a.url());
  }

  @Test
  void shouldRefuseToStartWhenAnEndpointServesAnotherChain() {
    FakeRpcEndpoint a = node(head(1));
    FakeRpcEndpoint b = node((m, p) -> m.equals("eth_chainId") ? Reply.result("0x1") : head(1).reply(m, p));
    ChainClient chain = client(a, b);
    assertThatThrownBy(() -> chain.requireChainId(31337))
        .isInstanceOf(KeeperException.class)
        .hasMessage("wrong chain: " + b.url() + " reports chain id 1 but the strategy expects 31337");
  }

  @Test
  void shouldUseAnEndpointThatWasDownAtStartOnlyAfterCheckingItsChainId() {
    FakeRpcEndpoint a = node((m, p) -> Reply.raw(503, ""));
    FakeRpcEndpoint b = node(head(5));
    ChainClient chain = client(a, b);
    chain.requireChainId(31337);
    a.handler((m, p) -> m.equals("eth_chainId") ? Reply.result("0x1") : head(9).reply(m, p)); // back, but wrong
    Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      chain.blockNumber();
      assertThat(chain.endpointHealth().get(0).state()).isEqualTo(EndpointState.WRONG_CHAIN);
    });
    assertThat(chain.blockNumber()).isEqualTo(5);
    assertThat(a.count("eth_blockNumber")).isZero();
  }

  @Test
  void shouldKeepCredentialsInUrlsOutOfMessagesAndHealth() {
    FakeRpcEndpoint a = node((m, p) -> Reply.raw(503, ""));
    String secretUrl = a.url().replace("http://", "http://user:s3cret@");
    ChainClient chain = track(ChainClient.http(List.of(secretUrl), Duration.ofSeconds(2), PoolSettings.DEFAULTS));
    assertThatThrownBy(chain::chainId).hasMessageNotContaining("s3cret");
    assertThat(chain.endpointHealth().toString()).doesNotContain("s3cret");
  }

  private ChainClient client(FakeRpcEndpoint... nodes) {
    List<String> urls = java.util.Arrays.stream(nodes).map(FakeRpcEndpoint::url).toList();
    return track(ChainClient.http(urls, Duration.ofSeconds(2), new PoolSettings(3, 1 << 20)));
  }

  private FakeRpcEndpoint node(FakeRpcEndpoint.Handler h) {
    return track(new FakeRpcEndpoint(h));
  }

  private <T extends AutoCloseable> T track(T c) {
    open.add(c);
    return c;
  }

  static FakeRpcEndpoint.Handler head(long n) {
    return (m, p) -> m.equals("eth_blockNumber") ? Reply.result(hex(n)) : chainOrNull(m);
  }

  private static Reply chainOrNull(String method) {
    return method.equals("eth_chainId") ? Reply.result("0x7a69") : Reply.result(null);
  }

  static String hex(long n) {
    return "0x" + Long.toHexString(n);
  }
}
