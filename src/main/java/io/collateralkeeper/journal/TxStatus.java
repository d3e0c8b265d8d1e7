package io.collateralkeeper.journal;

import java.util.Locale;

/**
 * The life of one signed transaction. Stored lowercase in {@code txs.status}. A nonce is settled once one of its
 * transactions is {@link #INCLUDED} or {@link #REVERTED}; the others at that nonce are then {@link #REPLACED}.
 */
public enum TxStatus {
  /** Signed and journaled; the broadcast has not been confirmed by the node (yet). */
  SIGNED,
  /** Accepted by the node's pool (or "already known"). */
  BROADCAST,
  /** Included with status 1. */
  INCLUDED,
  /** Included with status 0. */
  REVERTED,
  /** Superseded by another of our transactions at the same nonce (which may still be the one that lands). */
  REPLACED,
  /** Will never be included: rejected by the node, or its nonce consumed by a transaction not ours. */
  DROPPED;

  /** The stored text. */
  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the stored text. */
  public static TxStatus fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** True for the states in which the transaction may still be included: signed, broadcast, replaced. */
  public boolean mayLand() {
    return this == SIGNED || this == BROADCAST || this == REPLACED;
  }
}
