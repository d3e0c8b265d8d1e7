package io.collateralkeeper.devnet.relay;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.CallBundleResult;
import io.collateralkeeper.execution.bundle.CallBundleTxResult;
import io.collateralkeeper.execution.bundle.DecodedTx;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.utils.Numeric;

/**
 * Simulates a bundle without committing anything, with Anvil's {@code eth_simulateV1} (all transactions in one
 * simulated block, in order, on the state of a given block). Anvil's simulation checks balances but not nonces, so
 * the nonces are checked here first, as a block builder would: each transaction's nonce must be its sender's nonce
 * at the state block plus the sender's earlier transactions in the bundle.
 */
final class BundleSimulator {
  private final ChainClient chain;

  BundleSimulator(ChainClient chain) {
    this.chain = chain;
  }

  /**
   * @param txs the bundle
   * @param stateBlock the block whose state to simulate on: a hex quantity or a tag ("latest")
   * @return per-transaction results in Flashbots' {@code eth_callBundle} shape
   * @throws RelayError a JSON-RPC error (-32000) when a nonce is wrong or the node cannot simulate
   */
  CallBundleResult simulate(List<DecodedTx> txs, String stateBlock) {
    checkNonces(txs, stateBlock);
    List<Map<String, Object>> calls = txs.stream().map(BundleSimulator::call).toList();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("blockStateCalls", List.of(Map.of("calls", calls)));
    payload.put("validation", true);
    Object answer;
    try {
      answer = chain.rpc("eth_simulateV1", payload, stateBlock);
    } catch (RpcException e) {
      throw RelayError.rpc(-32000, "simulation failed: " + e.getMessage());
    }
    Map<?, ?> block = (Map<?, ?>) ((List<?>) answer).get(0);
    BigInteger baseFee = Numeric.decodeQuantity((String) block.get("baseFeePerGas"));
    List<?> outcomes = (List<?>) block.get("calls");
    List<CallBundleTxResult> results = new ArrayList<>();
    long totalGas = 0;
    BigInteger coinbase = BigInteger.ZERO;
    for (int i = 0; i < txs.size(); i++) {
      CallBundleTxResult r = result(txs.get(i), (Map<?, ?>) outcomes.get(i), baseFee);
      results.add(r);
      totalGas += r.gasUsed();
      coinbase = coinbase.add(new BigInteger(r.coinbaseDiff()));
    }
    return new CallBundleResult(DecodedTx.bundleHash(txs), results, totalGas, coinbase.toString(), stateNumber(stateBlock));
  }

  private void checkNonces(List<DecodedTx> txs, String stateBlock) {
    Map<Address, BigInteger> next = new HashMap<>();
    for (DecodedTx tx : txs) {
      BigInteger expected =
          next.computeIfAbsent(
              tx.from(), a -> Numeric.decodeQuantity((String) chain.rpc("eth_getTransactionCount", a.hex(), stateBlock)));
      int cmp = tx.nonce().compareTo(expected);
      if (cmp != 0) {
        throw RelayError.rpc(
            -32000,
            (cmp < 0 ? "nonce too low" : "nonce too high") + ": address " + tx.from() + ", tx: " + tx.nonce()
                + " state: " + expected + "; txhash " + tx.hash());
      }
      next.put(tx.from(), expected.add(BigInteger.ONE));
    }
  }

  private static Map<String, Object> call(DecodedTx tx) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("from", tx.from().hex());
    tx.to().ifPresent(to -> c.put("to", to.hex()));
    c.put("value", Numeric.encodeQuantity(tx.value()));
    c.put("input", tx.data());
    c.put("gas", Numeric.encodeQuantity(tx.gasLimit()));
    c.put("nonce", Numeric.encodeQuantity(tx.nonce()));
    c.put("maxFeePerGas", Numeric.encodeQuantity(tx.maxFeePerGas()));
    c.put("maxPriorityFeePerGas", Numeric.encodeQuantity(tx.maxPriorityFeePerGas()));
    return c;
  }

  private static CallBundleTxResult result(DecodedTx tx, Map<?, ?> outcome, BigInteger baseFee) {
    long gasUsed = Numeric.decodeQuantity((String) outcome.get("gasUsed")).longValueExact();
    BigInteger price = tx.effectiveGasPrice(baseFee);
    BigInteger tip = price.subtract(baseFee).max(BigInteger.ZERO);
    BigInteger gas = BigInteger.valueOf(gasUsed);
    String returned = outcome.get("returnData") == null ? "0x" : (String) outcome.get("returnData");
    boolean ok = "0x1".equals(outcome.get("status"));
    return new CallBundleTxResult(
        tx.hash(),
        tx.from().hex(),
        tx.to().map(Address::hex).orElse(null),
        gasUsed,
        price.toString(),
        gas.multiply(price).toString(),
        gas.multiply(tip).toString(),
        ok ? returned : null,
        ok ? null : "execution reverted",
        ok ? null : returned);
  }

  private long stateNumber(String stateBlock) {
    return stateBlock.startsWith("0x") ? Numeric.decodeQuantity(stateBlock).longValueExact() : chain.blockNumber();
  }
}
