package io.collateralkeeper.chain;

/**
 * The endpoint does not serve a JSON-RPC method (error -32601 "method not found", or a "not supported" answer): the
 * caller falls back to another method rather than retrying.
 */
public final class UnsupportedMethodException extends RpcException {
  private static final long serialVersionUID = 1L;

  public UnsupportedMethodException(String message) {
    super(message);
  }
}
