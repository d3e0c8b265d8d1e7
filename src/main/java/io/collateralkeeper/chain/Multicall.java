package io.collateralkeeper.chain;

import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.domain.Address;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * Batched reads through a Multicall3 contract ({@code aggregate3}): calls are packed {@code callsPerAggregate} to an
 * {@code eth_call}, and those {@code eth_call}s go out together, {@value #AGGREGATES_PER_BATCH} to a JSON-RPC batch
 * request.
 */
public final class Multicall {
  /** The canonical Multicall3 address, deployed at the same address on most EVM chains. */
  public static final Address CANONICAL = Address.of("0xcA11bde05977b3631167028862bE2a173976CA11");

  /**
   * {@code aggregate3} calls per JSON-RPC batch: 5 of 500 small calls are about 1.1 MB of request, under Anvil's
   * default 2 MB and geth's 5 MB limits.
   */
  static final int AGGREGATES_PER_BATCH = 5;

  private final ChainClient chain;
  private final Address address;
  private final int callsPerAggregate;

  /**
   * @param chain the endpoint
   * @param address the Multicall3 contract
   * @param callsPerAggregate calls per {@code aggregate3} (bounded by the node's eth_call gas cap)
   */
  public Multicall(ChainClient chain, Address address, int callsPerAggregate) {
    if (callsPerAggregate < 1) throw new IllegalArgumentException("callsPerAggregate must be positive");
    this.chain = chain;
    this.address = address;
    this.callsPerAggregate = callsPerAggregate;
  }

  /** Calls that go out in one JSON-RPC batch request: {@code callsPerAggregate} x {@value #AGGREGATES_PER_BATCH}. */
  public int callsPerRequest() {
    return callsPerAggregate * AGGREGATES_PER_BATCH;
  }

  /** The Multicall3 contract used. */
  public Address address() {
    return address;
  }

  /**
   * Executes every call at {@code block}; a failing call yields an unsuccessful result, not an exception.
   *
   * @return one result per call, in order
   * @throws RpcException when the endpoint fails
   */
  public List<CallResult> aggregate(List<CallRequest> calls, long block) {
    List<CallRequest> requests = new ArrayList<>();
    for (int i = 0; i < calls.size(); i += callsPerAggregate) {
      requests.add(new CallRequest(address, encode(calls.subList(i, Math.min(calls.size(), i + callsPerAggregate)))));
    }
    List<CallResult> out = new ArrayList<>(calls.size());
    for (int i = 0; i < requests.size(); i += AGGREGATES_PER_BATCH) {
      // a JSON-RPC batch of at most AGGREGATES_PER_BATCH eth_calls: requests stay under the nodes' size limits
      for (String r : chain.callBatch(requests.subList(i, Math.min(requests.size(), i + AGGREGATES_PER_BATCH)), block)) {
        out.addAll(decode(r));
      }
    }
    if (out.size() != calls.size()) {
      throw new RpcException("multicall returned " + out.size() + " results for " + calls.size() + " calls");
    }
    return out;
  }

  static String encode(List<CallRequest> calls) {
    List<Multicall3.Call3> structs = new ArrayList<>(calls.size());
    for (CallRequest c : calls) {
      structs.add(new Multicall3.Call3(c.to().hex(), true, Numeric.hexStringToByteArray(c.data())));
    }
    return FunctionEncoder.encode(
        new Function("aggregate3", List.of(new DynamicArray<>(Multicall3.Call3.class, structs)), List.of()));
  }

  @SuppressWarnings("unchecked")
  static List<CallResult> decode(String hex) {
    List<TypeReference<Type>> outputs =
        org.web3j.abi.Utils.convert(List.of(new TypeReference<DynamicArray<Multicall3.Result>>() {}));
    List<Type> decoded = FunctionReturnDecoder.decode(hex, outputs);
    if (decoded.isEmpty()) throw new RpcException("multicall returned no data (is it deployed at this block?)");
    List<Multicall3.Result> results = ((DynamicArray<Multicall3.Result>) decoded.get(0)).getValue();
    List<CallResult> out = new ArrayList<>(results.size());
    for (Multicall3.Result r : results) out.add(new CallResult(r.success, Numeric.toHexString(r.returnData)));
    return out;
  }
}
