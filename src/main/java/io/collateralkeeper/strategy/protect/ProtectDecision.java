package io.collateralkeeper.strategy.protect;

import java.util.List;

/** What protect mode does about one account at one block. */
public sealed interface ProtectDecision {
  /**
   * Nothing to do.
   *
   * @param reason e.g. "health 1.42 within the band"
   */
  record Hold(String reason) implements ProtectDecision {}

  /**
   * Send this action.
   *
   * @param option the sized action
   * @param shortOfTarget true when no action within the limits reaches the target, and this is the best partial one
   * @param considered every option sized on the way, in the order tried (for explanations and alerts)
   */
  record Act(ProtectOption option, boolean shortOfTarget, List<ProtectOption> considered) implements ProtectDecision {}

  /**
   * Health is below the band and nothing can be done: every action is limited to zero or does not help.
   *
   * @param reason one line
   * @param considered every option sized
   */
  record CannotAct(String reason, List<ProtectOption> considered) implements ProtectDecision {}
}
