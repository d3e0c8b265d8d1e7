package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.chain.RpcException;

/**
 * A relay answered a request with a JSON-RPC error ({@link #answered()}: it looked at the bundle and said no, e.g. a
 * failed simulation), or could not be reached or refused the HTTP request (e.g. 403 for a bad signature). The message
 * is one line and names the relay.
 */
public class BundleRelayException extends RpcException {
  private static final long serialVersionUID = 1L;
  private final boolean answered;

  /** A JSON-RPC error answer. */
  public BundleRelayException(String message) {
    super(message);
    this.answered = true;
  }

  /** A transport failure or an HTTP refusal. */
  public BundleRelayException(String message, Throwable cause) {
    super(message, cause);
    this.answered = false;
  }

  /** True when the relay answered with a JSON-RPC error (rather than failing at the HTTP level). */
  public boolean answered() {
    return answered;
  }
}
