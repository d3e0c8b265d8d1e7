package io.collateralkeeper.journal;

import java.util.Locale;

/** What became of an intent. Stored lowercase in {@code intents.status}. */
public enum IntentStatus {
  /** A transaction for it may still be included; the same intent key cannot be opened again. */
  OPEN,
  /** Its transaction was included and succeeded. */
  WON,
  /** Its transaction was included and reverted (usually someone else got there first). */
  LOST,
  /** Its nonce was consumed by our zero-value cancellation instead. */
  CANCELLED,
  /** Nothing of it reached the chain: rejected by the node, or its nonce consumed by a transaction not ours. */
  FAILED;

  /** The stored text. */
  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the stored text. */
  public static IntentStatus fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
