package io.collateralkeeper.execution;

import java.math.BigInteger;

/**
 * The newest of our transactions at a nonce that is not included yet, as the replacement policy sees it.
 *
 * @param maxFeeWei its maxFeePerGas, wei
 * @param tipWei its maxPriorityFeePerGas, wei
 * @param sentBlock head block when it was signed
 * @param cancellation true when it is already a cancellation (a zero-value self-transfer)
 */
public record PendingFees(BigInteger maxFeeWei, BigInteger tipWei, long sentBlock, boolean cancellation) {}
