package io.collateralkeeper.execution;

import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.Route;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasts journaled transactions again (after a crash, or when the node did not answer), newest first: the first
 * one the node accepts is the one tracked, older ones count as replaced, newer ones it refused are dropped. Bundle
 * transactions are left to the pipeline's next bundle.
 */
final class Rebroadcaster {
  private static final Logger LOG = LoggerFactory.getLogger(Rebroadcaster.class);

  private final Broadcaster broadcaster;
  private final Journal journal;

  Rebroadcaster(Broadcaster broadcaster, Journal journal) {
    this.broadcaster = broadcaster;
    this.journal = journal;
  }

  /**
   * Re-broadcasts the transactions of one nonce that may still land.
   *
   * @param live the nonce's transactions that may still land, in signing order
   * @return the one now in the node's pool; empty when the node did not answer, the nonce was consumed meanwhile, or
   *     it refused them all (then they are dropped and their intent failed)
   */
  Optional<TxRecord> rebroadcast(List<TxRecord> live) {
    // a bundle transaction never goes to the public mempool: the pipeline's next bundle carries it
    if (!live.isEmpty() && live.getLast().route() == Route.BUNDLE) return Optional.of(live.getLast());
    List<TxRecord> remaining = new ArrayList<>(live);
    while (!remaining.isEmpty()) {
      TxRecord t = remaining.removeLast();
      BroadcastResult r = broadcaster.send(t.rawSignedHex());
      switch (r.status()) {
        case ACCEPTED -> {
          if (t.status() != TxStatus.BROADCAST || !remaining.isEmpty()) {
            journal.markBroadcast(t.hash(), remaining.stream().map(TxRecord::hash).toList());
          }
          return Optional.of(t);
        }
        case UNREACHABLE, NONCE_TOO_LOW -> {
          return Optional.empty(); // unknown, or consumed: the next pass finds out
        }
        case UNDERPRICED, REJECTED -> {
          LOG.warn("node refused tx {} at nonce {} again: {}", t.hash(), t.nonce(), r.message());
          journal.markDropped(t.hash(), remaining.isEmpty() ? Optional.of(IntentStatus.FAILED) : Optional.empty());
        }
      }
    }
    return Optional.empty();
  }
}
