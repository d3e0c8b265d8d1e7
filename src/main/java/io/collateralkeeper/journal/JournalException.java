package io.collateralkeeper.journal;

import io.collateralkeeper.KeeperException;

/** The journal cannot be opened or written; nothing may be broadcast until it can. The message is one line. */
public class JournalException extends KeeperException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }

  public JournalException(String message) {
    super(message);
  }
}
