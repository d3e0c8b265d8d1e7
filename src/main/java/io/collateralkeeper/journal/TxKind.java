package io.collateralkeeper.journal;

import java.util.Locale;

/** What a journaled transaction does. Stored lowercase in {@code txs.kind}. */
public enum TxKind {
  /** The intent's contract call (e.g. a liquidation). */
  CALL,
  /** A zero-value self-transfer of 21,000 gas that consumes the nonce instead. */
  CANCEL;

  /** The stored text. */
  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the stored text. */
  public static TxKind fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
