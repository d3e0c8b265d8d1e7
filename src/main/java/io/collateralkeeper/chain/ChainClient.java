package io.collateralkeeper.chain;

import io.collateralkeeper.domain.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.crypto.Hash;

/**
 * The JSON-RPC endpoints of one chain, through web3j over an OkHttp client with explicit timeouts. Every response is
 * checked for an error; failures surface as {@link RpcException} with a one-line message naming the endpoint and method.
 *
 * <p>With several endpoints (an {@link EndpointPool}), reads fail over to the next healthy endpoint, {@link
 * #blockNumber()} probes every endpoint's head and demotes lagging ones, and {@link #sendRaw} broadcasts to every
 * endpoint that is up. {@link #endpointHealth()} reports each endpoint's state for metrics.
 */
public final class ChainClient implements AutoCloseable {
  private static final java.util.regex.Pattern ALREADY_KNOWN =
      java.util.regex.Pattern.compile("(?i)already known|already imported|known transaction");

  private final EndpointPool pool;
  private final FailoverService service;
  private final Web3j web3j;

  private ChainClient(EndpointPool pool) {
    this.pool = pool;
    this.service = new FailoverService(pool);
    this.web3j = Web3j.build(service);
  }

  /** Connects (lazily) to an HTTP JSON-RPC endpoint with the given call timeout. */
  public static ChainClient http(String url, Duration timeout) {
    return http(List.of(url), timeout, PoolSettings.DEFAULTS);
  }

  /**
   * Connects (lazily) to several HTTP JSON-RPC endpoints of the same chain, in order of preference.
   *
   * @param urls endpoints (http or https), the preferred first
   * @param timeout one call's timeout on one endpoint
   * @param settings lag and response-size limits
   * @throws io.collateralkeeper.KeeperException when the list is empty or a URL is invalid
   */
  public static ChainClient http(List<String> urls, Duration timeout, PoolSettings settings) {
    return new ChainClient(EndpointPool.http(urls, timeout, settings));
  }

  /** The preferred endpoint's URL with any credentials in it removed, for messages. */
  public String endpoint() {
    return pool.preferred().endpoint();
  }

  /** Every endpoint's health, in configured order (read-only snapshots, for metrics and logs). */
  public List<EndpointHealth> endpointHealth() {
    return pool.health();
  }

  /** Number of configured endpoints. */
  public int endpointCount() {
    return pool.size();
  }

  /**
   * Checks that the endpoints serve chain {@code expected}. An endpoint that does not answer now is checked when it
   * first answers, and used only after that.
   *
   * @throws io.collateralkeeper.KeeperException when an endpoint reports another chain id
   * @throws RpcException when no endpoint answers
   */
  public void requireChainId(long expected) {
    try {
      pool.requireChainId(expected);
    } catch (IOException e) {
      throw transportError("eth_chainId", e);
    }
  }

  /** The underlying web3j client, for generated contract wrappers (development tooling only). */
  public Web3j web3j() {
    return web3j;
  }

  /** {@code eth_chainId} of the preferred endpoint. */
  public long chainId() {
    var res = send("eth_chainId", web3j.ethChainId());
    return decode("eth_chainId", () -> RpcValues.quantity(res.getResult()).longValueExact());
  }

  /**
   * {@code eth_blockNumber}: the head of the preferred endpoint, after asking every live endpoint for its head (which
   * demotes those lagging too far behind the best).
   */
  public long blockNumber() {
    try {
      return pool.probe();
    } catch (IOException e) {
      throw new RpcException("RPC " + endpoint() + " unreachable (eth_blockNumber): " + oneLine(e.getMessage()), e);
    }
  }

  /** {@code eth_getBlockByNumber} without transaction bodies. */
  public EthBlock.Block block(long number) {
    EthBlock.Block b =
        send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(param(number), false)).getBlock();
    if (b == null) throw new RpcException(endpoint() + ": block " + number + " not found");
    return checked(b);
  }

  /**
   * The hash of block {@code number} on the preferred endpoint's chain; empty when it has no such block (e.g. after a
   * rollback below it).
   */
  public Optional<String> blockHash(long number) {
    EthBlock.Block b = send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(param(number), false)).getBlock();
    return b == null ? Optional.empty() : Optional.of(checked(b).getHash());
  }

  /** The latest block header. */
  public EthBlock.Block latestBlock() {
    EthBlock.Block b =
        send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    if (b == null) throw new RpcException(endpoint() + ": latest block not found");
    return checked(b);
  }

  /** Decodes the header fields the keeper uses now, so a malformed block fails here as an {@link RpcException}. */
  private EthBlock.Block checked(EthBlock.Block b) {
    return decode("eth_getBlockByNumber", () -> {
      b.getNumber();
      b.getTimestamp();
      b.getBaseFeePerGas();
      RpcValues.quantity(b.getNumberRaw());
      RpcValues.quantity(b.getTimestampRaw());
      if (!RpcValues.isHash(b.getHash()) || !RpcValues.isHash(b.getParentHash())) {
        throw new IllegalArgumentException("bad block hash");
      }
      return b;
    });
  }

  /** {@code eth_getLogs}. */
  public List<Log> logs(EthFilter filter) {
    Object result = send("eth_getLogs", new Request<>("eth_getLogs", List.of(filter), service, RawResponse.class)).getResult();
    return decode("eth_getLogs", () -> RpcValues.logs(result));
  }

  /**
   * {@code eth_call} at a block.
   *
   * @return the returned bytes, 0x-hex
   * @throws CallRevertedException when the call reverts
   */
  public String call(CallRequest call, long block) {
    return call(null, call, param(block));
  }

  /** {@code eth_call} from an address at a block parameter (e.g. "latest" or "pending"). */
  public String call(Address from, CallRequest call, DefaultBlockParameter block) {
    Transaction tx =
        Transaction.createEthCallTransaction(from == null ? null : from.hex(), call.to().hex(), call.data());
    EthCall res = sendAllowingRevert("eth_call", web3j.ethCall(tx, block));
    return res.getValue();
  }

  /**
   * Many {@code eth_call}s in one JSON-RPC batch request, at one block.
   *
   * @return returned bytes per call, in order
   * @throws CallRevertedException when any call reverts
   */
  public List<String> callBatch(List<CallRequest> calls, long block) {
    if (calls.isEmpty()) return List.of();
    if (calls.size() == 1) return List.of(call(calls.get(0), block));
    BatchRequest batch = web3j.newBatch();
    for (CallRequest c : calls) {
      batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, c.to().hex(), c.data()), param(block)));
    }
    BatchResponse res;
    try {
      res = batch.send();
    } catch (IOException | RuntimeException e) {
      throw transportError("eth_call batch", e);
    }
    List<String> out = new ArrayList<>(calls.size());
    for (Response<?> r : res.getResponses()) {
      EthCall call = (EthCall) r;
      checkCall("eth_call", call);
      out.add(call.getValue());
    }
    if (out.size() != calls.size()) {
      throw new RpcException(endpoint() + ": batch answered " + out.size() + " of " + calls.size() + " calls");
    }
    return out;
  }

  /**
   * {@code eth_estimateGas} against the latest block.
   *
   * @throws CallRevertedException when the transaction would revert
   */
  public BigInteger estimateGas(Address from, CallRequest call) {
    Transaction tx = Transaction.createEthCallTransaction(from.hex(), call.to().hex(), call.data());
    var res = web3jSendAllowingRevert("eth_estimateGas", web3j.ethEstimateGas(tx));
    return decode("eth_estimateGas", () -> RpcValues.quantity(res.getResult()));
  }

  /**
   * {@code eth_estimateGas} of many calls against the latest block, in one JSON-RPC batch (one round trip).
   *
   * @return one answer per call, in order: the gas, or the revert (a call that would revert does not throw)
   * @throws RpcException when the endpoint fails or answers a call with something other than a gas or a revert
   */
  public List<GasEstimate> estimateGasBatch(Address from, List<CallRequest> calls) {
    if (calls.isEmpty()) return List.of();
    BatchRequest batch = web3j.newBatch();
    for (CallRequest c : calls) {
      batch.add(web3j.ethEstimateGas(Transaction.createEthCallTransaction(from.hex(), c.to().hex(), c.data())));
    }
    BatchResponse res;
    try {
      res = batch.send();
    } catch (IOException | RuntimeException e) {
      throw transportError("eth_estimateGas batch", e);
    }
    if (res.getResponses().size() != calls.size()) {
      throw new RpcException(endpoint() + ": batch answered " + res.getResponses().size() + " of " + calls.size() + " estimates");
    }
    List<GasEstimate> out = new ArrayList<>(calls.size());
    for (Response<?> r : res.getResponses()) {
      if (r.hasError()) {
        out.add(new GasEstimate(null, "eth_estimateGas reverted: " + oneLine(r.getError().getMessage())));
      } else {
        out.add(new GasEstimate(decode("eth_estimateGas", () -> RpcValues.quantity((String) r.getResult())), null));
      }
    }
    return out;
  }

  /**
   * Runs {@code calls} in order in one simulated block on top of the latest one ({@code eth_simulateV1}), each with the
   * gas it is given. A call that succeeds here with gas {@code g} succeeds in a transaction with gas limit {@code g} on
   * the same state (gas-limit-dependent behaviour such as the 63/64 rule is part of the run).
   *
   * @param gas gas given to each call, gas units (one per call)
   * @return one outcome per call, in order
   * @throws UnsupportedMethodException when the endpoint does not serve {@code eth_simulateV1}
   * @throws RpcException when the endpoint fails or answers something else than one block of results
   */
  public List<SimulatedCall> simulateCalls(Address from, List<CallRequest> calls, List<BigInteger> gas) {
    if (calls.isEmpty()) return List.of();
    Map<String, Object> payload = SimulateV1.payload(from, calls, gas);
    RawResponse res =
        exchange("eth_simulateV1", new Request<>("eth_simulateV1", List.of(payload, "latest"), service, RawResponse.class));
    if (res.hasError()) {
      String msg = endpoint() + ": eth_simulateV1 failed: " + oneLine(res.getError().getMessage());
      if (res.getError().getCode() == -32601 || msg.matches("(?i).*(method not found|not supported|does not exist|not available).*")) {
        throw new UnsupportedMethodException(msg);
      }
      throw new RpcException(msg);
    }
    return decode("eth_simulateV1", () -> SimulateV1.results(res.getResult(), calls.size()));
  }

  /** {@code eth_getTransactionCount(address, "pending")}: the next nonce the node expects. */
  public BigInteger pendingNonce(Address address) {
    var res =
        send("eth_getTransactionCount", web3j.ethGetTransactionCount(address.hex(), DefaultBlockParameterName.PENDING));
    return decode("eth_getTransactionCount", () -> RpcValues.quantity(res.getResult()));
  }

  /** {@code eth_getTransactionCount(address, "latest")}: nonces already included. */
  public BigInteger latestNonce(Address address) {
    var res =
        send("eth_getTransactionCount", web3j.ethGetTransactionCount(address.hex(), DefaultBlockParameterName.LATEST));
    return decode("eth_getTransactionCount", () -> RpcValues.quantity(res.getResult()));
  }

  /** {@code eth_getBalance} at the latest block, wei. */
  public BigInteger balance(Address address) {
    var res = send("eth_getBalance", web3j.ethGetBalance(address.hex(), DefaultBlockParameterName.LATEST));
    return decode("eth_getBalance", () -> RpcValues.quantity(res.getResult()));
  }

  /**
   * {@code eth_sendRawTransaction} to every endpoint that is up, in parallel; the first acceptance counts, and an
   * "already known" answer counts as one (another endpoint, or an earlier send, delivered it).
   *
   * @return the transaction hash
   * @throws RpcException with the preferred endpoint's error when none accepted it (a cause is set only when no
   *     endpoint answered at all)
   */
  public String sendRaw(String signedHex) {
    List<EndpointService> targets = pool.broadcastTargets();
    if (targets.size() == 1) return sendRawTo(targets.getFirst(), signedHex);
    List<Object> answers =
        onEach(targets, e -> {
          try {
            return sendRawTo(e, signedHex);
          } catch (RpcException refused) {
            return refused;
          }
        });
    for (Object a : answers) if (a instanceof String hash) return hash;
    pool.noteStates();
    throw preferredRefusal(answers.stream().map(RpcException.class::cast).toList());
  }

  /**
   * {@code eth_sendRawTransaction} of many signed transactions in one JSON-RPC batch to every endpoint that is up
   * (in parallel when there are several): one round trip hands them all to the node(s). A transaction counts as
   * accepted when an endpoint accepted it or already knew it.
   *
   * @return one answer per transaction, in order: empty when accepted, else the refusal (a transport failure has a
   *     cause set, as {@link #sendRaw} throws it)
   */
  public List<Optional<RpcException>> sendRawBatch(List<String> signedHexes) {
    if (signedHexes.isEmpty()) return List.of();
    List<List<Optional<RpcException>>> perEndpoint = onEach(pool.broadcastTargets(), e -> sendRawBatchTo(e, signedHexes));
    List<Optional<RpcException>> out = new ArrayList<>(signedHexes.size());
    for (int i = 0; i < signedHexes.size(); i++) {
      List<RpcException> refusals = new ArrayList<>();
      for (List<Optional<RpcException>> answers : perEndpoint) answers.get(i).ifPresent(refusals::add);
      boolean accepted = refusals.size() < perEndpoint.size();
      out.add(accepted ? Optional.empty() : Optional.of(preferredRefusal(refusals)));
    }
    if (out.stream().anyMatch(Optional::isPresent)) pool.noteStates();
    return out;
  }

  /** {@code send} applied to every endpoint, in parallel when there are several; results in endpoint order. */
  private static <T> List<T> onEach(List<EndpointService> endpoints, java.util.function.Function<EndpointService, T> send) {
    if (endpoints.size() == 1) return List.of(send.apply(endpoints.getFirst()));
    List<java.util.concurrent.CompletableFuture<T>> sends = new ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (EndpointService e : endpoints) sends.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> send.apply(e), threads));
    }
    return sends.stream().map(java.util.concurrent.CompletableFuture::join).toList();
  }

  /** When no endpoint accepted: the first node's answer, or else the first transport failure (it has a cause). */
  private static RpcException preferredRefusal(List<RpcException> refusals) {
    return refusals.stream().filter(e -> e.getCause() == null).findFirst().orElse(refusals.getFirst());
  }

  private List<Optional<RpcException>> sendRawBatchTo(EndpointService endpoint, List<String> signedHexes) {
    BatchRequest batch = new BatchRequest(endpoint);
    for (String hex : signedHexes) {
      batch.add(new Request<>("eth_sendRawTransaction", List.of(hex), endpoint, EthSendTransaction.class));
    }
    BatchResponse res;
    try {
      res = batch.send();
    } catch (IOException | RuntimeException e) {
      return java.util.Collections.nCopies(signedHexes.size(), Optional.of(unreachable(endpoint, "eth_sendRawTransaction batch", e)));
    }
    if (res.getResponses().size() != signedHexes.size()) {
      RpcException bad = new RpcException(endpoint.endpoint() + ": batch answered " + res.getResponses().size() + " of "
          + signedHexes.size() + " transactions", new IOException("short batch"));
      return java.util.Collections.nCopies(signedHexes.size(), Optional.of(bad));
    }
    List<Optional<RpcException>> out = new ArrayList<>(signedHexes.size());
    for (Response<?> r : res.getResponses()) out.add(sendRefusal(endpoint, r));
    return out;
  }

  private String sendRawTo(EndpointService endpoint, String signedHex) {
    var request = new Request<>("eth_sendRawTransaction", List.of(signedHex), endpoint, EthSendTransaction.class);
    EthSendTransaction res;
    try {
      res = request.send();
    } catch (IOException | RuntimeException e) {
      throw unreachable(endpoint, "eth_sendRawTransaction", e);
    }
    Optional<RpcException> refused = sendRefusal(endpoint, res);
    if (refused.isPresent()) throw refused.get();
    return res.hasError() ? Hash.sha3(signedHex) : res.getTransactionHash();
  }

  /** The node's refusal of a sent transaction; empty when it accepted it or already knew it. */
  private static Optional<RpcException> sendRefusal(EndpointService endpoint, Response<?> res) {
    if (!res.hasError()) return Optional.empty();
    String msg = oneLine(res.getError().getMessage());
    if (ALREADY_KNOWN.matcher(msg).find()) return Optional.empty();
    return Optional.of(new RpcException(endpoint.endpoint() + ": eth_sendRawTransaction failed: " + msg));
  }

  /** One endpoint's transport failure, as a one-line {@link RpcException} with the cause set. */
  private static RpcException unreachable(EndpointService endpoint, String method, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    return new RpcException("RPC " + endpoint.endpoint() + " unreachable (" + method + "): " + why, e);
  }

  /** {@code eth_getTransactionReceipt}; empty while the transaction is not included. */
  public Optional<TransactionReceipt> receipt(String txHash) {
    var res = send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(txHash));
    return decode("eth_getTransactionReceipt", () -> res.getTransactionReceipt().map(r -> RpcValues.receipt(r, txHash)));
  }

  /** {@code eth_maxPriorityFeePerGas}, wei. */
  public BigInteger maxPriorityFeePerGas() {
    var res = send("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas());
    return decode("eth_maxPriorityFeePerGas", () -> RpcValues.quantity(res.getResult()));
  }

  /**
   * Calls a method web3j has no typed request for (e.g. Anvil's {@code anvil_*} and {@code evm_*} methods).
   *
   * @return the JSON result, as Jackson maps it (String, Boolean, Map, List or null)
   */
  public Object rpc(String method, Object... params) {
    return send(method, new Request<>(method, java.util.Arrays.asList(params), service, RawResponse.class)).getResult();
  }

  /** Many {@link #rpc} calls in one JSON-RPC batch; results in order. */
  public List<Object> rpcBatch(String method, List<List<?>> paramsList) {
    if (paramsList.isEmpty()) return List.of();
    BatchRequest batch = web3j.newBatch();
    for (List<?> params : paramsList) batch.add(new Request<>(method, params, service, RawResponse.class));
    BatchResponse res;
    try {
      res = batch.send();
    } catch (IOException | RuntimeException e) {
      throw transportError(method + " batch", e);
    }
    List<Object> out = new ArrayList<>();
    for (Response<?> r : res.getResponses()) {
      if (r.hasError()) {
        throw new RpcException(endpoint() + ": " + method + " failed: " + oneLine(r.getError().getMessage()));
      }
      out.add(r.getResult());
    }
    return out;
  }

  /** A JSON-RPC response whose result is left as plain JSON values. */
  public static final class RawResponse extends Response<Object> {}

  /** Sends any web3j request, checking for transport errors and JSON-RPC error responses. */
  public <T extends Response<?>> T send(String method, Request<?, T> request) {
    T res = exchange(method, request);
    if (res.hasError()) {
      throw new RpcException(endpoint() + ": " + method + " failed: " + oneLine(res.getError().getMessage()));
    }
    return res;
  }

  private EthCall sendAllowingRevert(String method, Request<?, EthCall> request) {
    EthCall res = exchange(method, request);
    checkCall(method, res);
    return res;
  }

  /** Sends the request; transport failures become one-line {@link RpcException}s, responses are not checked. */
  private <T extends Response<?>> T exchange(String method, Request<?, T> request) {
    try {
      return request.send();
    } catch (IOException | RuntimeException e) {
      throw transportError(method, e);
    }
  }

  private <T extends Response<?>> T web3jSendAllowingRevert(String method, Request<?, T> request) {
    T res = exchange(method, request);
    if (res.hasError()) {
      Object data = res.getError().getData();
      throw new CallRevertedException(
          method + " reverted: " + oneLine(res.getError().getMessage()), data == null ? null : data.toString());
    }
    return res;
  }

  private void checkCall(String method, EthCall res) {
    if (res.hasError()) {
      Object data = res.getError().getData();
      String msg = oneLine(res.getError().getMessage());
      if (res.getError().getCode() == 3 || msg.contains("revert")) {
        throw new CallRevertedException(method + " reverted: " + msg, data == null ? null : data.toString());
      }
      throw new RpcException(endpoint() + ": " + method + " failed: " + msg);
    }
    if (res.isReverted()) {
      throw new CallRevertedException(method + " reverted: " + oneLine(res.getRevertReason()), res.getValue());
    }
    String value = res.getValue();
    if (!RpcValues.isBytes(value)) {
      throw new RpcException(endpoint() + ": " + method + ": malformed result (not 0x-hex bytes)");
    }
  }

  /** Runs a result accessor; a malformed result (wrong type, bad hex) becomes a one-line {@link RpcException}. */
  private <T> T decode(String method, java.util.function.Supplier<T> accessor) {
    try {
      return accessor.get();
    } catch (RuntimeException e) {
      throw new RpcException(endpoint() + ": " + method + ": malformed result (" + oneLine(e.getMessage()) + ")");
    }
  }

  private RpcException transportError(String method, Exception e) {
    return unreachable(pool.preferred(), method, e);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  private static DefaultBlockParameter param(long block) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
