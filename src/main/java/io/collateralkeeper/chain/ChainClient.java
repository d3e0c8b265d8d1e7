package io.collateralkeeper.chain;

import io.collateralkeeper.domain.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
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
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * A JSON-RPC endpoint, through web3j over an OkHttp client with explicit timeouts. Every response is checked for an
 * error; failures surface as {@link RpcException} with a one-line message naming the endpoint and method.
 */
public final class ChainClient implements AutoCloseable {
  private final String url;
  private final HttpService service;
  private final Web3j web3j;

  private ChainClient(String url, HttpService service) {
    this.url = url;
    this.service = service;
    this.web3j = Web3j.build(service);
  }

  /** Connects (lazily) to an HTTP JSON-RPC endpoint with the given call timeout. */
  public static ChainClient http(String url, Duration timeout) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .addInterceptor(new RpcTimingInterceptor(url))
            .build();
    return new ChainClient(url, new HttpService(url, http));
  }

  /** The endpoint's URL with any credentials in it (user info, API keys in the path or query) removed, for messages. */
  public String endpoint() {
    return EndpointRedactor.redact(url);
  }

  /** The underlying web3j client, for generated contract wrappers (development tooling only). */
  public Web3j web3j() {
    return web3j;
  }

  /** {@code eth_chainId}. */
  public long chainId() {
    return send("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
  }

  /** {@code eth_blockNumber}. */
  public long blockNumber() {
    return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
  }

  /** {@code eth_getBlockByNumber} without transaction bodies. */
  public EthBlock.Block block(long number) {
    EthBlock.Block b =
        send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(param(number), false)).getBlock();
    if (b == null) throw new RpcException(endpoint() + ": block " + number + " not found");
    return b;
  }

  /** The latest block header. */
  public EthBlock.Block latestBlock() {
    EthBlock.Block b =
        send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    if (b == null) throw new RpcException(endpoint() + ": latest block not found");
    return b;
  }

  /** {@code eth_getLogs}. */
  public List<Log> logs(EthFilter filter) {
    EthLog res = send("eth_getLogs", web3j.ethGetLogs(filter));
    List<Log> out = new ArrayList<>();
    for (EthLog.LogResult<?> r : res.getLogs()) out.add((Log) r.get());
    return out;
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
    return res.getAmountUsed();
  }

  /** {@code eth_getTransactionCount(address, "pending")}: the next nonce the node expects. */
  public BigInteger pendingNonce(Address address) {
    return send(
            "eth_getTransactionCount",
            web3j.ethGetTransactionCount(address.hex(), DefaultBlockParameterName.PENDING))
        .getTransactionCount();
  }

  /** {@code eth_getTransactionCount(address, "latest")}: nonces already included. */
  public BigInteger latestNonce(Address address) {
    return send(
            "eth_getTransactionCount",
            web3j.ethGetTransactionCount(address.hex(), DefaultBlockParameterName.LATEST))
        .getTransactionCount();
  }

  /** {@code eth_getBalance} at the latest block, wei. */
  public BigInteger balance(Address address) {
    return send("eth_getBalance", web3j.ethGetBalance(address.hex(), DefaultBlockParameterName.LATEST)).getBalance();
  }

  /** {@code eth_sendRawTransaction}; returns the transaction hash. */
  public String sendRaw(String signedHex) {
    return send("eth_sendRawTransaction", web3j.ethSendRawTransaction(signedHex)).getTransactionHash();
  }

  /** {@code eth_getTransactionReceipt}; empty while the transaction is not included. */
  public Optional<TransactionReceipt> receipt(String txHash) {
    return send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
  }

  /** {@code eth_maxPriorityFeePerGas}, wei. */
  public BigInteger maxPriorityFeePerGas() {
    return send("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
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
  }

  private RpcException transportError(String method, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    return new RpcException("RPC " + endpoint() + " unreachable (" + method + "): " + why, e);
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
