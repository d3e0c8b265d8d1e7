package io.collateralkeeper;

/**
 * A user-facing error: bad input, a misconfiguration or an unusable environment. The CLI prints only {@link
 * #getMessage()} (one line) and exits with code 2; the stack trace is shown with {@code --debug} only.
 */
public class KeeperException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeeperException(String message) {
    super(message);
  }

  public KeeperException(String message, Throwable cause) {
    super(message, cause);
  }
}
