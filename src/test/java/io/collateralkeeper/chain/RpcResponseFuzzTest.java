package io.collateralkeeper.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.FakeRpcEndpoint.Reply;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;

/**
 * Property: whatever a JSON-RPC endpoint answers (truncated, oversized, wrong-typed, error-shaped, HTTP errors,
 * garbage), every {@link ChainClient} call returns a value or throws a one-line {@link RpcException}: nothing else
 * escapes. Fixed seed.
 */
class RpcResponseFuzzTest {
  private static final Address A = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  private static final int MAX_BYTES = 64 * 1024;

  /** Hostile answers; each gets the request's method. */
  private static final List<Function<Random, Reply>> HOSTILE =
      List.of(
          r -> Reply.result(r.nextLong()),
          r -> Reply.result(r.nextBoolean()),
          r -> Reply.result(Map.of("a", List.of(1, 2))),
          r -> Reply.result(List.of("0x1", 2)),
          r -> Reply.result(null),
          r -> Reply.result("0xzz"),
          r -> Reply.result(""),
          r -> Reply.result("0x"),
          r -> Reply.result("0x" + "f".repeat(1 + r.nextInt(200))),
          r -> Reply.result("-0x5"),
          r -> Reply.result("0x123"), // odd length
          r -> Reply.result(Map.of("number", "0xzz", "hash", 7, "timestamp", List.of())),
          r -> Reply.error(-32000, "boom"),
          r -> Reply.error(3, "execution reverted"),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"a string\"}"),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":5}}"),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1}"),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1234" .substring(0, 10 + r.nextInt(20))),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "a".repeat(MAX_BYTES) + "\"}"),
          r -> Reply.raw(200, "[".repeat(5000) + "]".repeat(5000)),
          r -> Reply.raw(200, "[]"),
          r -> Reply.raw(200, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]"),
          r -> Reply.raw(200, "null"),
          r -> Reply.raw(200, ""),
          r -> Reply.raw(200, "<html>502 Bad Gateway</html>"),
          r -> Reply.raw(500, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}"),
          r -> Reply.raw(429, "Too Many Requests"),
          r -> {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            return Reply.raw(200, b);
          },
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"0x1\"}"),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}garbage"),
          r -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"\u0000\u202e\"}".getBytes(StandardCharsets.UTF_8)));

  private FakeRpcEndpoint node;
  private ChainClient chain;

  @BeforeEach
  void start() {
    node = new FakeRpcEndpoint((m, p) -> Reply.result(null));
    chain = ChainClient.http(List.of(node.url()), Duration.ofSeconds(2), new PoolSettings(3, MAX_BYTES));
  }

  @AfterEach
  void stop() {
    chain.close();
    node.close();
  }

  @Test
  void shouldAnswerEveryHostileResponseWithAValueOrOneLineRpcException() {
    CallRequest call = new CallRequest(A, "0x12345678");
    List<Map.Entry<String, Function<ChainClient, Object>>> calls =
        List.of(
            Map.entry("chainId", c -> c.chainId()),
            Map.entry("blockNumber", c -> c.blockNumber()),
            Map.entry("block", c -> c.block(5)),
            Map.entry("latestBlock", c -> c.latestBlock()),
            Map.entry("logs", c -> c.logs(new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.ONE), DefaultBlockParameter.valueOf(BigInteger.TEN), A.hex()))),
            Map.entry("call", c -> c.call(call, 5)),
            Map.entry("callBatch", c -> c.callBatch(List.of(call, call, call), 5)),
            Map.entry("estimateGas", c -> c.estimateGas(A, call)),
            Map.entry("pendingNonce", c -> c.pendingNonce(A)),
            Map.entry("latestNonce", c -> c.latestNonce(A)),
            Map.entry("balance", c -> c.balance(A)),
            Map.entry("receipt", c -> c.receipt("0x" + "11".repeat(32))),
            Map.entry("maxPriorityFeePerGas", c -> c.maxPriorityFeePerGas()),
            Map.entry("rpc", c -> c.rpc("anvil_nodeInfo")),
            Map.entry("rpcBatch", c -> c.rpcBatch("eth_getBalance", List.of(List.of(A.hex(), "latest"), List.of(A.hex(), "latest")))),
            Map.entry("sendRaw", c -> c.sendRaw("0x02f86c")));
    Random random = new Random(77);
    int errors = 0;
    for (int i = 0; i < 1500; i++) {
      int kind = random.nextInt(HOSTILE.size());
      long seed = random.nextLong();
      node.handler((m, p) -> HOSTILE.get(kind).apply(new Random(seed)));
      var entry = calls.get(random.nextInt(calls.size()));
      try {
        entry.getValue().apply(chain);
      } catch (RpcException e) {
        errors++;
        assertThat(e.getMessage()).as("case %d: %s with answer %d", i, entry.getKey(), kind)
            .doesNotContain("\n").hasSizeLessThan(2000);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("case " + i + ": " + entry.getKey() + " with answer " + kind + " threw " + e, e);
      }
    }
    assertThat(errors).isGreaterThan(1000);
  }

  @Test
  void shouldAcceptWellFormedAnswersAgainAfterHostileOnes() {
    node.handler((m, p) -> Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"res"));
    for (int i = 0; i < 3; i++) {
      try {
        chain.blockNumber();
        throw new AssertionError("accepted a truncated answer");
      } catch (RpcException expected) {
        // retried by the caller
      }
    }
    node.handler((m, p) -> m.equals("eth_blockNumber") ? Reply.result("0x2a") : Reply.result(null));
    assertThat(chain.blockNumber()).isEqualTo(42);
    assertThat(chain.endpointHealth().getFirst().state()).isEqualTo(EndpointState.HEALTHY);
    assertThat(chain.endpointHealth().getFirst().failures()).isEqualTo(3);
  }
}
