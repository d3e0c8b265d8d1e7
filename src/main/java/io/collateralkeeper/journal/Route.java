package io.collateralkeeper.journal;

import java.util.Locale;

/** How a transaction was sent. Stored lowercase in {@code txs.route}. */
public enum Route {
  /** {@code eth_sendRawTransaction} to the public mempool. */
  PUBLIC,
  /** A private bundle relay. */
  BUNDLE;

  /** The stored text. */
  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the stored text. */
  public static Route fromDb(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
