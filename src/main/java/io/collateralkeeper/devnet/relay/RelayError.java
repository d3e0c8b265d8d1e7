package io.collateralkeeper.devnet.relay;

/**
 * A request the devnet relay refuses, in one of the two shapes Flashbots' relay uses: an HTTP error status with a
 * body {@code {"error": message}} (bad signature, undecodable bundle), or a JSON-RPC error object (HTTP 200).
 */
final class RelayError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final int rpcCode;

  private RelayError(int httpStatus, int rpcCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.rpcCode = rpcCode;
  }

  /** HTTP {@code status} with {@code {"error": message}}. */
  static RelayError http(int status, String message) {
    return new RelayError(status, 0, message);
  }

  /** A JSON-RPC error {@code {"code": code, "message": message}}. */
  static RelayError rpc(int code, String message) {
    return new RelayError(200, code, message);
  }

  boolean isRpc() {
    return rpcCode != 0;
  }

  int httpStatus() {
    return httpStatus;
  }

  int rpcCode() {
    return rpcCode;
  }
}
