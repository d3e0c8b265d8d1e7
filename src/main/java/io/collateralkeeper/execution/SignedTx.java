package io.collateralkeeper.execution;

import java.math.BigInteger;

/**
 * A signed EIP-1559 transaction, ready to journal and broadcast.
 *
 * @param hash keccak-256 of the signed envelope, 0x-hex
 * @param rawHex the signed envelope, 0x-hex
 * @param nonce sender nonce
 * @param gasLimit gas limit
 * @param maxFeeWei maxFeePerGas, wei
 * @param tipWei maxPriorityFeePerGas, wei
 */
public record SignedTx(
    String hash, String rawHex, long nonce, BigInteger gasLimit, BigInteger maxFeeWei, BigInteger tipWei) {
  /** Its fee fields as a quote made against {@code baseFee}. */
  public FeeQuote fee(BigInteger baseFee) {
    return new FeeQuote(maxFeeWei, tipWei, baseFee);
  }
}
