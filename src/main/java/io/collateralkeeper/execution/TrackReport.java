package io.collateralkeeper.execution;

import java.util.List;

/**
 * What one {@link TxPipeline#track} pass did.
 *
 * @param settled our transactions found included (or reverted) since the last pass
 * @param replaced stuck transactions replaced at the same nonce with higher fees
 * @param cancelled transactions cancelled (zero-value self-transfer at the same nonce) because their intent is gone
 * @param gapsFilled cancellations sent at nonces that would otherwise hold back later transactions
 * @param held why stuck transactions were left as they are (e.g. the fee cap), one line each
 */
public record TrackReport(
    List<SettledTx> settled, List<Resent> replaced, List<Resent> cancelled, List<Resent> gapsFilled, List<String> held) {}
