package io.collateralkeeper.chain;

/** Where an RPC endpoint stands in the {@link EndpointPool}'s order of preference. */
public enum EndpointState {
  /** Answers, and its head is within the allowed lag of the best head seen: used for reads, in configured order. */
  HEALTHY,
  /** Answers, but its head lags the best head by more than the allowed number of blocks: used only as a fallback. */
  LAGGING,
  /** Its last request failed (transport error, HTTP error, oversized or malformed response): tried last. */
  DOWN,
  /** It reports another chain id than the strategy's: never used again. */
  WRONG_CHAIN
}
