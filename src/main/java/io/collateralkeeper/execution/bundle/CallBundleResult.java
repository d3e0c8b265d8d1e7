package io.collateralkeeper.execution.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@code eth_callBundle} (the subset of Flashbots' fields the keeper reads).
 *
 * @param bundleHash keccak256 of the concatenated transaction hashes
 * @param results per transaction, in bundle order
 * @param totalGasUsed sum of gas used
 * @param coinbaseDiff what the fee recipient earns from the whole bundle, wei (decimal string)
 * @param stateBlockNumber the block whose state was simulated on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallBundleResult(
    String bundleHash, List<CallBundleTxResult> results, long totalGasUsed, String coinbaseDiff, long stateBlockNumber) {

  /** The first transaction that reverted, if any. */
  public Optional<CallBundleTxResult> firstFailure() {
    return results.stream().filter(r -> !r.succeeded()).findFirst();
  }
}
