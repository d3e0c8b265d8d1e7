package io.collateralkeeper.execution.bundle;

import java.util.List;

/** Where a submitted bundle stands. */
public sealed interface BundleStatus {
  /** True once the bundle is included or abandoned: no more resending. */
  default boolean done() {
    return !(this instanceof Pending);
  }

  /**
   * Sent for {@code targetBlock}; not yet seen on chain.
   *
   * @param targetBlock the block the relays were asked to include it in
   * @param replies each relay's answer to the latest send
   */
  record Pending(long targetBlock, List<RelayReply> replies) implements BundleStatus {}

  /**
   * Every transaction of the bundle has a receipt.
   *
   * @param block the block they are in
   * @param anyReverted whether one of them reverted (only possible for transactions allowed to revert)
   */
  record Included(long block, boolean anyReverted) implements BundleStatus {}

  /**
   * Given up, because {@code reason} (outbid, no longer profitable, simulation failed, no relay accepted it...).
   *
   * @param reason one line
   */
  record Abandoned(String reason) implements BundleStatus {}
}
