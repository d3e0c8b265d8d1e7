package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxRecord;
import java.util.List;
import java.util.SortedSet;

/**
 * Reconciles the journal with the chain at start-up, for one signer:
 *
 * <ol>
 *   <li>every nonce with a transaction that may still land is settled from receipts when the chain has consumed it
 *       (included while the keeper was down, or consumed by a transaction not ours), else broadcast again from the
 *       journaled raw envelope, newest first, and tracked;
 *   <li>the nonce manager is seeded from {@code max(pending nonce, highest live journaled nonce + 1)};
 *   <li>nonces below the highest live journaled one with no live transaction and not pending at the node are marked
 *       as gaps, for the pipeline to fill with cancellations;
 *   <li>open intents with nothing left that could land are closed as failed.
 * </ol>
 *
 * Open intents whose transaction is pending or was included stay as they are: they are never sent again.
 */
final class Reconciler {
  private final ChainClient chain;
  private final Journal journal;
  private final TxSigner signer;
  private final Rebroadcaster rebroadcaster;
  private final NonceSettler settler;

  Reconciler(ChainClient chain, Journal journal, TxSigner signer, Rebroadcaster rebroadcaster, NonceSettler settler) {
    this.chain = chain;
    this.journal = journal;
    this.signer = signer;
    this.rebroadcaster = rebroadcaster;
    this.settler = settler;
  }

  /** The seeded nonce manager (gaps marked dropped) and counts for the summary. */
  record Result(NonceManager nonces, int retracked, int includedWhileDown, int consumedElsewhere, int intentsClosed) {
    ReconcileSummary summary(int gapsFilled, long nextNonce) {
      return new ReconcileSummary(retracked, includedWhileDown, consumedElsewhere, gapsFilled, intentsClosed, nextNonce);
    }
  }

  Result reconcile() {
    long chainId = signer.chainId();
    long latest = chain.latestNonce(signer.from()).longValueExact();
    int retracked = 0;
    int included = 0;
    int elsewhere = 0;
    for (long n : journal.unsettledNonces(chainId, signer.from())) {
      List<TxRecord> live = journal.txsAt(chainId, signer.from(), n).stream().filter(t -> t.status().mayLand()).toList();
      if (n < latest) {
        if (settler.settle(n).isPresent()) included++;
        else elsewhere++;
      } else if (rebroadcaster.rebroadcast(live).isPresent()) {
        retracked++;
      }
    }
    long pending = chain.pendingNonce(signer.from()).longValueExact();
    NonceManager nonces = NonceManager.seed(signer.from(), latest, pending, journal.highestLiveNonce(chainId, signer.from()));
    SortedSet<Long> live = journal.liveNonces(chainId, signer.from(), latest);
    for (long n = Math.max(latest, pending); n < nonces.peekNext(); n++) {
      if (!live.contains(n)) nonces.markDropped(n);
    }
    int closed = 0;
    for (IntentRecord intent : journal.openIntents(chainId)) {
      boolean mayLand = journal.txsOf(intent.id()).stream().anyMatch(t -> t.status().mayLand());
      if (!mayLand) {
        journal.closeIntent(intent.id(), IntentStatus.FAILED);
        closed++;
      }
    }
    return new Result(nonces, retracked, included, elsewhere, closed);
  }
}
