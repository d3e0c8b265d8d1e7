package io.collateralkeeper.chain;

/**
 * How the {@link EndpointPool} judges endpoints.
 *
 * @param maxLagBlocks an endpoint whose head is more than this many blocks behind the best head seen is demoted
 * @param maxResponseBytes a response body larger than this is refused (and counts as a failure of the endpoint)
 */
public record PoolSettings(long maxLagBlocks, long maxResponseBytes) {
  /** Default lag limit: 3 blocks. */
  public static final long DEFAULT_MAX_LAG_BLOCKS = 3;
  /** Default response size limit: 256 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L << 20;
  /** The defaults. */
  public static final PoolSettings DEFAULTS = new PoolSettings(DEFAULT_MAX_LAG_BLOCKS, DEFAULT_MAX_RESPONSE_BYTES);

  /**
   * @throws IllegalArgumentException when a limit is negative or the size limit is zero
   */
  public PoolSettings {
    if (maxLagBlocks < 0) throw new IllegalArgumentException("maxLagBlocks must be >= 0");
    if (maxResponseBytes <= 0) throw new IllegalArgumentException("maxResponseBytes must be > 0");
  }
}
