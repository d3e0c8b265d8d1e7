package io.collateralkeeper.execution;

import java.math.BigInteger;

/**
 * EIP-1559 fee fields for one transaction.
 *
 * @param maxFeePerGas cap on the total price per gas, wei
 * @param maxPriorityFeePerGas tip to the block builder per gas, wei
 * @param baseFee the base fee the quote was made against, wei
 */
public record FeeQuote(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger baseFee) {
  /** The price per gas expected to be paid if included at {@code baseFee}: min(maxFee, baseFee + tip), wei. */
  public BigInteger expectedPricePerGas() {
    return maxFeePerGas.min(baseFee.add(maxPriorityFeePerGas));
  }
}
