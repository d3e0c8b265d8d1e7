package io.collateralkeeper.execution;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link TxPipeline}.
 *
 * @param stuckBlocks K: blocks after signing without inclusion before a transaction is replaced (at least 1)
 * @param fees the fee policy: its cap bounds every replacement, its quote is the market a bump is compared with
 * @param bundles the bundle route: when present, transactions go to relays as one bundle per block instead of the
 *     public mempool
 */
public record PipelineSettings(long stuckBlocks, FeePolicy fees, Optional<BundleMode> bundles) {
  public PipelineSettings {
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(bundles, "bundles");
    if (stuckBlocks < 1) throw new IllegalArgumentException("stuckBlocks must be at least 1");
  }

  /** Settings of a public-mempool pipeline. */
  public PipelineSettings(long stuckBlocks, FeePolicy fees) {
    this(stuckBlocks, fees, Optional.empty());
  }
}
