package io.collateralkeeper.chain;

import io.collateralkeeper.KeeperException;

/** A JSON-RPC call failed: transport error, timeout or an error response. The message is one line. */
public class RpcException extends KeeperException {
  private static final long serialVersionUID = 1L;

  public RpcException(String message) {
    super(message);
  }

  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
