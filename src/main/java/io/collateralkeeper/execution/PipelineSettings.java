package io.collateralkeeper.execution;

import java.util.Objects;

/**
 * Settings of a {@link TxPipeline}.
 *
 * @param stuckBlocks K: blocks after signing without inclusion before a transaction is replaced (at least 1)
 * @param fees the fee policy: its cap bounds every replacement, its quote is the market a bump is compared with
 */
public record PipelineSettings(long stuckBlocks, FeePolicy fees) {
  public PipelineSettings {
    Objects.requireNonNull(fees, "fees");
    if (stuckBlocks < 1) throw new IllegalArgumentException("stuckBlocks must be at least 1");
  }
}
