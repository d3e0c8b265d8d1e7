package io.collateralkeeper.execution;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.GasEstimate;
import io.collateralkeeper.chain.SimulatedCall;
import io.collateralkeeper.chain.UnsupportedMethodException;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates calls on the latest block before they are signed, and gives each the gas limit it was proven to succeed
 * with. No call is sent without such a proof.
 *
 * <p>The first call of a shape (target contract and 4-byte selector) never simulated before is estimated ({@code
 * eth_estimateGas}: the node searches for the least gas that succeeds, several executions) and given that estimate
 * plus the buffer; the shape then remembers the largest such limit. A call of a known shape runs once, at the shape's
 * limit, in one {@code eth_simulateV1} block: success at that gas is the proof, and the call's {@code gasUsed} prices
 * it. A call that fails there is estimated as a new shape would be: a sub-call that runs out of gas makes its caller
 * revert with gas left (the 63/64 rule), so a failure alone does not say whether the call reverts or needs more gas;
 * the estimate says which, with the node's revert reason. Nodes without {@code eth_simulateV1} get estimates only. Not thread-safe: one
 * simulation at a time (the daemon runs each on its own thread, after joining the previous one).
 */
public final class CallSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(CallSimulator.class);

  /**
   * One simulated call.
   *
   * @param gasUsed gas the call is expected to use, gas units: the simulation's {@code gasUsed}, or the node's estimate
   * @param gasLimit the gas limit the call succeeded with in simulation (the one to sign), gas units
   * @param revert the node's one-line reason when the call would revert; null otherwise
   */
  public record Outcome(BigInteger gasUsed, BigInteger gasLimit, String revert) {
    static Outcome reverted(String why) {
      return new Outcome(null, null, why);
    }

    /** True when the call would revert. */
    public boolean reverted() {
      return revert != null;
    }
  }

  private final ChainClient chain;
  private final Address from;
  private final UnaryOperator<BigInteger> limitOfEstimate;
  private final Map<String, BigInteger> limitByShape = new HashMap<>();
  private boolean simulateV1 = true;

  /**
   * @param from the sender every call is simulated from
   * @param limitOfEstimate the gas limit to sign for a call whose {@code eth_estimateGas} is the argument (the
   *     estimate plus the configured buffer)
   */
  public CallSimulator(ChainClient chain, Address from, UnaryOperator<BigInteger> limitOfEstimate) {
    this.chain = chain;
    this.from = from;
    this.limitOfEstimate = limitOfEstimate;
  }

  /**
   * Simulates {@code calls} on the latest block: one {@code eth_estimateGas} batch for the first call of each new
   * shape, one {@code eth_simulateV1} block for the others, and one more {@code eth_estimateGas} batch only for calls
   * that failed at their shape's limit (or whose shape's first call reverted).
   *
   * @return one outcome per call, in order
   * @throws io.collateralkeeper.chain.RpcException when the node fails
   */
  public List<Outcome> simulate(List<CallRequest> calls) {
    Outcome[] out = new Outcome[calls.size()];
    if (simulateV1) learnNewShapes(calls, out);
    List<Integer> known = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (out[i] != null) continue;
      (simulateV1 && limitByShape.containsKey(shape(calls.get(i))) ? known : unknown).add(i);
    }
    if (!known.isEmpty()) runAtKnownLimits(calls, known, out, unknown);
    estimate(calls, unknown, out);
    return List.of(out);
  }

  /**
   * Estimates the first call of each shape not seen before (one {@code eth_estimateGas} batch), so that the shape's
   * other calls run once each at the limit learned. A shape whose first call would revert stays unknown: its other
   * calls are estimated one by one.
   */
  private void learnNewShapes(List<CallRequest> calls, Outcome[] out) {
    Map<String, Integer> firstOfShape = new java.util.LinkedHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      String shape = shape(calls.get(i));
      if (!limitByShape.containsKey(shape)) firstOfShape.putIfAbsent(shape, i);
    }
    estimate(calls, new ArrayList<>(firstOfShape.values()), out);
  }

  /** The limit a shape of call is simulated at, if one was learned (for tests and logs). */
  public java.util.Optional<BigInteger> knownLimit(CallRequest call) {
    return java.util.Optional.ofNullable(limitByShape.get(shape(call)));
  }

  private void runAtKnownLimits(List<CallRequest> calls, List<Integer> known, Outcome[] out, List<Integer> toEstimate) {
    List<CallRequest> batch = known.stream().map(calls::get).toList();
    List<BigInteger> limits = batch.stream().map(c -> limitByShape.get(shape(c))).toList();
    List<SimulatedCall> results;
    try {
      results = chain.simulateCalls(from, batch, limits);
    } catch (UnsupportedMethodException e) {
      LOG.info("the node does not serve eth_simulateV1; every call is estimated with eth_estimateGas ({})", e.getMessage());
      simulateV1 = false;
      toEstimate.addAll(known);
      toEstimate.sort(null);
      return;
    }
    for (int k = 0; k < known.size(); k++) {
      SimulatedCall r = results.get(k);
      int i = known.get(k);
      if (r.success()) {
        out[i] = new Outcome(r.gasUsed(), limits.get(k), null);
      } else {
        // a revert, or too little gas: a sub-call that ran out (63/64 rule) makes its caller revert with gas left, so
        // only the node's search tells the two apart
        toEstimate.add(i);
      }
    }
    toEstimate.sort(null);
  }

  private void estimate(List<CallRequest> calls, List<Integer> indexes, Outcome[] out) {
    if (indexes.isEmpty()) return;
    List<GasEstimate> gas = chain.estimateGasBatch(from, indexes.stream().map(calls::get).toList());
    for (int k = 0; k < indexes.size(); k++) {
      int i = indexes.get(k);
      GasEstimate g = gas.get(k);
      if (g.reverted()) {
        out[i] = Outcome.reverted(g.revert());
        continue;
      }
      BigInteger limit = limitOfEstimate.apply(g.gas());
      out[i] = new Outcome(g.gas(), limit, null);
      limitByShape.merge(shape(calls.get(i)), limit, BigInteger::max);
    }
  }

  /** Target contract and 4-byte selector: calls of one shape run the same code path, give or take their arguments. */
  private static String shape(CallRequest c) {
    String data = c.data() == null ? "" : c.data();
    return c.to().hex() + ":" + (data.length() >= 10 ? data.substring(0, 10).toLowerCase() : data);
  }
}
