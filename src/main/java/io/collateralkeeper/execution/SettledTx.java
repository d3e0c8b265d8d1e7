package io.collateralkeeper.execution;

import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.OutcomeRecord;
import io.collateralkeeper.journal.TxRecord;
import java.util.Optional;

/**
 * One of our transactions that was included, as journaled.
 *
 * @param tx the included transaction (its status as before settlement)
 * @param intent its intent, as before settlement; empty for a gap-filling cancellation
 * @param intentStatus the status the intent was closed with
 * @param outcome gas and realized revenue
 */
public record SettledTx(TxRecord tx, Optional<IntentRecord> intent, IntentStatus intentStatus, OutcomeRecord outcome) {}
