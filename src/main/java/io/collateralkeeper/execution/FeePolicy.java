package io.collateralkeeper.execution;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A fixed-tip EIP-1559 fee policy: tip = the configured priority fee; maxFeePerGas = 2 x base fee + tip (room for
 * about six full blocks of base-fee growth at 12.5% each), capped at the configured maximum. Pure.
 */
public final class FeePolicy {
  private final BigInteger maxFeeCap;
  private final BigInteger priorityFee;

  /**
   * @param maxFeeCap cap on maxFeePerGas, wei
   * @param priorityFee tip, wei
   */
  public FeePolicy(BigInteger maxFeeCap, BigInteger priorityFee) {
    if (priorityFee.compareTo(maxFeeCap) > 0) throw new IllegalArgumentException("tip above the fee cap");
    this.maxFeeCap = maxFeeCap;
    this.priorityFee = priorityFee;
  }

  /** Cap on maxFeePerGas, wei. */
  public BigInteger maxFeeCap() {
    return maxFeeCap;
  }

  /** The tip offered, wei. */
  public BigInteger priorityFee() {
    return priorityFee;
  }

  /**
   * Fees for the next block, or empty when the base fee plus tip is already above the cap (the transaction could
   * not be included at a price we accept).
   *
   * @param baseFee base fee of the latest block, wei
   */
  public Optional<FeeQuote> quote(BigInteger baseFee) {
    if (baseFee.add(priorityFee).compareTo(maxFeeCap) > 0) return Optional.empty();
    BigInteger maxFee = baseFee.shiftLeft(1).add(priorityFee).min(maxFeeCap);
    return Optional.of(new FeeQuote(maxFee, priorityFee, baseFee));
  }
}
