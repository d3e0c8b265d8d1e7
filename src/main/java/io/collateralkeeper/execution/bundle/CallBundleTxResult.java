package io.collateralkeeper.execution.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One transaction's outcome in an {@code eth_callBundle} answer (Flashbots' field names; wei amounts as decimal
 * strings).
 *
 * @param txHash the transaction hash
 * @param fromAddress its sender
 * @param toAddress its recipient (null for a contract creation)
 * @param gasUsed gas used
 * @param gasPrice effective price per gas, wei
 * @param gasFees gasUsed x gasPrice, wei
 * @param coinbaseDiff what the block's fee recipient earns from it (gasUsed x effective tip), wei
 * @param value the returned data, 0x-hex (on success)
 * @param error null on success; e.g. "execution reverted"
 * @param revert the revert data, 0x-hex (when reverted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallBundleTxResult(
    String txHash,
    String fromAddress,
    String toAddress,
    long gasUsed,
    String gasPrice,
    String gasFees,
    String coinbaseDiff,
    String value,
    String error,
    String revert) {

  /** True when the transaction did not revert. */
  public boolean succeeded() {
    return error == null;
  }
}
