package io.collateralkeeper.execution.bundle;

import java.util.Optional;

/**
 * Asked before each resend of a bundle whose target block passed without it: a reason to stop (e.g. "no longer
 * profitable" when the bid policy now says no, or "outbid" when the opportunity is gone), or empty to resend.
 */
@FunctionalInterface
public interface StopCondition {
  /** Never stops: resend until included (or the nonce is used by another transaction). */
  StopCondition NEVER = head -> Optional.empty();

  /**
   * @param head the current head block
   * @return why to stop, or empty to resend for {@code head + 1}
   */
  Optional<String> stopReason(long head);

  /** Stops once {@code lastBlock} has passed: the bundle is never sent for a later block. */
  static StopCondition untilBlock(long lastBlock) {
    return head -> head >= lastBlock ? Optional.of("no inclusion by block " + lastBlock) : Optional.empty();
  }
}
