package io.collateralkeeper.chain;

import java.math.BigInteger;

/**
 * One answer of a batched {@code eth_estimateGas}: the gas, or why the call would revert.
 *
 * @param gas the estimate, gas units (null when reverted)
 * @param revert the node's one-line revert message (null when not reverted)
 */
public record GasEstimate(BigInteger gas, String revert) {
  /** True when the node said the call reverts. */
  public boolean reverted() {
    return revert != null;
  }
}
