package io.collateralkeeper.chain;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.utils.Numeric;

/**
 * The request and answer shapes of {@code eth_simulateV1} (execution-apis, "eth_simulateV1"): one simulated block on
 * top of a given block, holding calls that run in order, each seeing the state the earlier ones left, each with the gas
 * it is given. Without {@code validation}, nonces, balances for fees and the base fee are not checked. Pure.
 */
final class SimulateV1 {
  private SimulateV1() {}

  /**
   * The first parameter of {@code eth_simulateV1}: one block whose gas limit holds every call's gas.
   *
   * @param from sender of every call
   * @param calls the calls, in order
   * @param gas gas given to each call, gas units (one per call)
   */
  static Map<String, Object> payload(Address from, List<CallRequest> calls, List<BigInteger> gas) {
    if (calls.size() != gas.size()) throw new IllegalArgumentException(calls.size() + " calls but " + gas.size() + " gas limits");
    List<Map<String, Object>> list = new ArrayList<>(calls.size());
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < calls.size(); i++) {
      BigInteger g = gas.get(i);
      if (g.signum() <= 0) throw new IllegalArgumentException("gas must be positive: " + g);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("from", from.hex());
      c.put("to", calls.get(i).to().hex());
      c.put("input", calls.get(i).data());
      c.put("gas", Numeric.encodeQuantity(g));
      list.add(c);
      total = total.add(g);
    }
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("blockOverrides", Map.of("gasLimit", Numeric.encodeQuantity(total)));
    block.put("calls", list);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("blockStateCalls", List.of(block));
    payload.put("validation", false);
    return payload;
  }

  /**
   * Reads the simulated block's call results.
   *
   * @param answer the JSON result (a list of blocks, as Jackson maps it)
   * @param expected number of calls sent
   * @throws IllegalArgumentException when the answer is not one block with {@code expected} call results
   */
  static List<SimulatedCall> results(Object answer, int expected) {
    if (!(answer instanceof List<?> blocks) || blocks.size() != 1 || !(blocks.get(0) instanceof Map<?, ?> block)) {
      throw new IllegalArgumentException("not one simulated block");
    }
    if (!(block.get("calls") instanceof List<?> calls) || calls.size() != expected) {
      throw new IllegalArgumentException("the simulated block does not hold " + expected + " call results");
    }
    List<SimulatedCall> out = new ArrayList<>(expected);
    for (Object o : calls) {
      if (!(o instanceof Map<?, ?> c) || !(c.get("status") instanceof String status) || !(c.get("gasUsed") instanceof String used)) {
        throw new IllegalArgumentException("a call result without status or gasUsed");
      }
      boolean ok = Numeric.decodeQuantity(status).signum() == 1;
      String error = null;
      if (!ok) {
        error = c.get("error") instanceof Map<?, ?> e && e.get("message") != null ? e.get("message").toString() : "reverted";
        error = error.replaceAll("\\s+", " ").trim();
      }
      out.add(new SimulatedCall(ok, Numeric.decodeQuantity(used), error));
    }
    return out;
  }
}
