package io.collateralkeeper.execution;

import io.collateralkeeper.journal.IntentRecord;

/** The result of {@link TxPipeline#submit}: sent, or refused with a reason. */
public sealed interface Submission {
  /**
   * Journaled and broadcast.
   *
   * @param intent the journaled intent
   * @param tx the transaction
   * @param confirmed true when the node accepted it; false when the node did not answer (the transaction is
   *     journaled and {@link TxPipeline#track} broadcasts it again)
   */
  record Sent(IntentRecord intent, SentTx tx, boolean confirmed) implements Submission {}

  /**
   * Not sent.
   *
   * @param reason one line: the intent is already open, or the node refused the transaction
   */
  record Refused(String reason) implements Submission {}
}
