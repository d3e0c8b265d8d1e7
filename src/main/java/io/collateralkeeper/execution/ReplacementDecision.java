package io.collateralkeeper.execution;

/** What to do about a transaction that is not included yet: a value, decided by {@link ReplacementPolicy}. */
public sealed interface ReplacementDecision {
  /**
   * Keep waiting.
   *
   * @param blocksLeft blocks until it counts as stuck
   */
  record Wait(long blocksLeft) implements ReplacementDecision {}

  /**
   * Re-sign the same transaction at the same nonce with these fees.
   *
   * @param fee the bumped fees
   */
  record Replace(FeeQuote fee) implements ReplacementDecision {}

  /**
   * The opportunity is gone: send a zero-value self-transfer at the same nonce with these fees.
   *
   * @param fee the bumped fees
   */
  record Cancel(FeeQuote fee) implements ReplacementDecision {}

  /**
   * Leave it as it is (it is stuck but cannot be bumped).
   *
   * @param reason why, one line
   */
  record Hold(String reason) implements ReplacementDecision {}
}
