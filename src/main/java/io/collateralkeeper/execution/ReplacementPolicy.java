package io.collateralkeeper.execution;

import java.math.BigInteger;
import java.util.Optional;

/**
 * When and how to replace or cancel a transaction that is not included. Pure.
 *
 * <p>A replacement at the same nonce must raise both fee fields by at least {@value #MIN_BUMP_PERCENT}% (geth's txpool
 * {@code PriceBump}, which also demands strictly higher values): each new field is {@code max(ceil(old x 110 / 100),
 * old + 1)}, or the market's quote when that is higher, and maxFeePerGas never exceeds the cap. When the cap leaves
 * no room for a 10% bump the transaction is held, with the reason.
 */
public final class ReplacementPolicy {
  /** The txpool's minimum price bump for a replacement, percent. */
  public static final int MIN_BUMP_PERCENT = 10;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger BUMPED = BigInteger.valueOf(100 + MIN_BUMP_PERCENT);

  private final long stuckBlocks;
  private final BigInteger maxFeeCap;

  /**
   * @param stuckBlocks K: blocks after signing without inclusion before a transaction is replaced (at least 1)
   * @param maxFeeCap cap on maxFeePerGas, wei
   */
  public ReplacementPolicy(long stuckBlocks, BigInteger maxFeeCap) {
    if (stuckBlocks < 1) throw new IllegalArgumentException("stuckBlocks must be at least 1");
    if (maxFeeCap.signum() <= 0) throw new IllegalArgumentException("maxFeeCap must be positive");
    this.stuckBlocks = stuckBlocks;
    this.maxFeeCap = maxFeeCap;
  }

  /** K, blocks. */
  public long stuckBlocks() {
    return stuckBlocks;
  }

  /**
   * The smallest fee a replacement may offer: {@code max(ceil(old x 110 / 100), old + 1)}, wei.
   *
   * @param old the fee field of the transaction being replaced, wei
   */
  public static BigInteger minimumBump(BigInteger old) {
    BigInteger[] qr = old.multiply(BUMPED).divideAndRemainder(HUNDRED);
    BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return ceil.max(old.add(BigInteger.ONE));
  }

  /**
   * Decides about a pending transaction.
   *
   * @param pending the newest of our transactions at the nonce
   * @param head current head block
   * @param stillWanted false when the opportunity is gone (ignored for a cancellation)
   * @param baseFee base fee of the head block, wei
   * @param market fees the fee policy would quote now, empty when the base fee is above the cap
   * @return wait, replace, cancel (immediately when no longer wanted) or hold
   */
  public ReplacementDecision decide(
      PendingFees pending, long head, boolean stillWanted, BigInteger baseFee, Optional<FeeQuote> market) {
    if (!stillWanted && !pending.cancellation()) {
      return bump(pending, baseFee, market)
          .<ReplacementDecision>map(ReplacementDecision.Cancel::new)
          .orElseGet(() -> new ReplacementDecision.Hold("cannot cancel: " + capReason(pending)));
    }
    long waited = head - pending.sentBlock();
    if (waited < stuckBlocks) return new ReplacementDecision.Wait(stuckBlocks - waited);
    return bump(pending, baseFee, market)
        .<ReplacementDecision>map(ReplacementDecision.Replace::new)
        .orElseGet(() -> new ReplacementDecision.Hold("stuck " + waited + " blocks: " + capReason(pending)));
  }

  /**
   * Bumped fees for a replacement, or empty when the cap leaves no room for the minimum bump.
   *
   * @param pending the transaction being replaced
   * @param baseFee base fee of the head block (recorded in the quote), wei
   * @param market the current market quote; used where it is higher than the minimum bump
   */
  public Optional<FeeQuote> bump(PendingFees pending, BigInteger baseFee, Optional<FeeQuote> market) {
    BigInteger minMax = minimumBump(pending.maxFeeWei());
    BigInteger minTip = minimumBump(pending.tipWei());
    if (minMax.compareTo(maxFeeCap) > 0 || minTip.compareTo(maxFeeCap) > 0) return Optional.empty();
    BigInteger maxFee = market.map(q -> q.maxFeePerGas().max(minMax)).orElse(minMax).min(maxFeeCap);
    BigInteger tip = market.map(q -> q.maxPriorityFeePerGas().max(minTip)).orElse(minTip).min(maxFee);
    if (tip.compareTo(minTip) < 0) return Optional.empty(); // only when the old tip exceeded the old max fee
    return Optional.of(new FeeQuote(maxFee, tip, baseFee));
  }

  private String capReason(PendingFees p) {
    return "a " + MIN_BUMP_PERCENT + "% bump needs maxFeePerGas " + minimumBump(p.maxFeeWei()) + " wei and tip "
        + minimumBump(p.tipWei()) + " wei, above the fee cap of " + maxFeeCap + " wei";
  }
}
