package io.collateralkeeper.execution;

/** How the node answered {@code eth_sendRawTransaction}. */
public enum SendStatus {
  /** In the pool: accepted now, or "already known". */
  ACCEPTED,
  /** The nonce is already consumed on chain. */
  NONCE_TOO_LOW,
  /** A transaction at the same nonce with higher or equal fees is in the pool, or the fees are below its minimum. */
  UNDERPRICED,
  /** No answer (transport failure or timeout): the node may or may not have it. */
  UNREACHABLE,
  /** Refused for another reason (funds, gas, intrinsic checks): it will never be included as signed. */
  REJECTED
}
