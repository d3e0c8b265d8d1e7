package io.collateralkeeper.journal;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One journaled transaction with its intent and outcome, as {@code keeper history} aggregates it.
 *
 * @param intentId its intent, empty for a gap-filling cancellation
 * @param protocol the intent's protocol, or {@code "-"} without an intent
 * @param intentStatus the intent's status, empty without an intent
 * @param atMs the intent's creation time (or the transaction's signing time without one), epoch milliseconds
 * @param txStatus the transaction's status
 * @param outcome its outcome, when included
 */
public record HistoryRow(
    OptionalLong intentId,
    String protocol,
    Optional<IntentStatus> intentStatus,
    long atMs,
    TxStatus txStatus,
    Optional<OutcomeRecord> outcome) {
  /** Protocol shown for transactions without an intent. */
  public static final String NO_PROTOCOL = "-";

  /** Gas paid, wei (0 when not included). */
  public BigInteger gasCostWei() {
    return outcome.map(OutcomeRecord::gasCostWei).orElse(BigInteger.ZERO);
  }
}
