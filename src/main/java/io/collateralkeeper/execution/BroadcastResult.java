package io.collateralkeeper.execution;

import io.collateralkeeper.chain.RpcException;
import java.util.Locale;

/**
 * The node's answer to a broadcast, classified.
 *
 * @param status the class
 * @param message the node's message (empty when accepted), one line
 */
public record BroadcastResult(SendStatus status, String message) {
  /** Accepted. */
  public static final BroadcastResult ACCEPTED = new BroadcastResult(SendStatus.ACCEPTED, "");

  /**
   * Classifies a failed {@code eth_sendRawTransaction} by the wording geth, reth, Erigon and Anvil use. A failure
   * with a cause is a transport failure (see {@code ChainClient}); a JSON-RPC error response has none.
   */
  public static BroadcastResult classify(RpcException e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    if (e.getCause() != null) return new BroadcastResult(SendStatus.UNREACHABLE, msg);
    String m = msg.toLowerCase(Locale.ROOT);
    if (m.contains("already known") || m.contains("already imported") || m.contains("known transaction")) {
      return ACCEPTED;
    }
    if (m.contains("nonce too low") || m.contains("nonce has already been used")) {
      return new BroadcastResult(SendStatus.NONCE_TOO_LOW, msg);
    }
    if (m.contains("underpriced") || m.contains("insufficient gas price to replace") || m.contains("fee too low")) {
      return new BroadcastResult(SendStatus.UNDERPRICED, msg);
    }
    return new BroadcastResult(SendStatus.REJECTED, msg);
  }
}
