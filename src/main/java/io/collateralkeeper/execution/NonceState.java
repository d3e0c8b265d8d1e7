package io.collateralkeeper.execution;

/** What {@link NonceManager} knows about one nonce of its signer. */
public enum NonceState {
  /** Handed out; a transaction at it may be pending (ours, or one of the same key sent elsewhere). */
  IN_FLIGHT,
  /** In flight, and its transaction has been replaced by one with higher fees at the same nonce. */
  REPLACED,
  /** Consumed on chain. */
  INCLUDED,
  /** Handed out, but nothing at it will land: free to reuse, and a gap while higher nonces are in flight. */
  DROPPED
}
