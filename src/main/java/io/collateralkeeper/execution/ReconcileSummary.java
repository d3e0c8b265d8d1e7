package io.collateralkeeper.execution;

/**
 * What reconciling the journal with the chain at start-up found and did.
 *
 * @param retracked transactions still pending, broadcast again and tracked
 * @param includedWhileDown our transactions included while the keeper was not running, now settled
 * @param consumedElsewhere nonces of ours consumed by a transaction not in the journal (their transactions dropped)
 * @param gapsFilled nonce gaps below our highest journaled nonce filled with cancellations
 * @param intentsClosed open intents with nothing left that could land, closed as failed
 * @param nextNonce the next fresh nonce
 */
public record ReconcileSummary(
    int retracked, int includedWhileDown, int consumedElsewhere, int gapsFilled, int intentsClosed, long nextNonce) {

  /** One line for the log. */
  public String toText() {
    return "journal reconciled: " + retracked + " pending re-tracked, " + includedWhileDown + " included while down, "
        + consumedElsewhere + " nonces consumed elsewhere, " + gapsFilled + " gaps filled, " + intentsClosed
        + " intents closed; next nonce " + nextNonce;
  }
}
