package io.collateralkeeper.execution;

import java.math.BigInteger;

/**
 * EIP-1559 fees for one transaction, and what they cost.
 *
 * @param maxFeePerGas worst-case base fee {@code blocksAhead} blocks ahead + tip, wei per gas
 * @param maxPriorityFeePerGas the tip, wei per gas
 * @param gas gas units the costs are computed for (the transaction's gas limit)
 * @param baseFee the base fee the bid was made against, wei per gas
 * @param worstCaseCost {@code gas x maxFeePerGas}: the most the transaction can cost, wei; never above the budget
 * @param expectedCost {@code gas x (baseFee + tip)}: the cost at the current base fee, wei
 * @param budget {@code profit x (1 - minMargin)}: the most gas may cost, wei
 */
public record Bid(
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    BigInteger gas,
    BigInteger baseFee,
    BigInteger worstCaseCost,
    BigInteger expectedCost,
    BigInteger budget)
    implements BidDecision {

  /** The fee fields for {@link TxPipeline#submit}. */
  public FeeQuote feeQuote() {
    return new FeeQuote(maxFeePerGas, maxPriorityFeePerGas, baseFee);
  }
}
