package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses what to do about one account from its health, its band and the options an adapter sized. Below {@code min}:
 * the actions in the user's order, and within an action the options in the adapter's order (the user's asset
 * preference); the first option that reaches the target wins. If none does (limits, empty wallet), the option that
 * raises health most is taken and flagged short of target; if none raises it, nothing can be done. Above {@code max}:
 * the first withdrawal that keeps the target (never for an account with no position or debt: its health is
 * unbounded, and the collateral is left for the positions the user is about to open). Pure.
 */
public final class ProtectPlanner {
  private ProtectPlanner() {}

  /**
   * @param health the account's health now, wad
   * @param band its band
   * @param order the actions to try below the band, in order
   * @param sizer options of one action kind, sized for the band's target
   */
  public static ProtectDecision decide(
      BigInteger health, Band band, List<ActionKind> order, Function<ActionKind, List<ProtectOption>> sizer) {
    if (health.compareTo(band.min()) < 0) return restore(health, band, order, sizer);
    if (health.equals(Units.MAX_UINT256)) return new ProtectDecision.Hold("no position or debt: nothing at risk");
    if (band.max().isPresent() && health.compareTo(band.max().get()) > 0) return withdraw(health, band, sizer);
    return new ProtectDecision.Hold("health " + Units.formatHealth(health) + " within the band " + band.describe());
  }

  private static ProtectDecision restore(
      BigInteger health, Band band, List<ActionKind> order, Function<ActionKind, List<ProtectOption>> sizer) {
    List<ProtectOption> considered = new ArrayList<>();
    for (ActionKind kind : order) {
      for (ProtectOption o : sizer.apply(kind)) {
        considered.add(o);
        if (o.acts() && o.reachesTarget()) return new ProtectDecision.Act(o, false, List.copyOf(considered));
      }
    }
    Optional<ProtectOption> best =
        considered.stream().filter(ProtectOption::improves).max(Comparator.comparing(ProtectOption::healthAfter));
    if (best.isPresent()) return new ProtectDecision.Act(best.get(), true, List.copyOf(considered));
    String why = considered.isEmpty() ? "no configured action applies to this account" : "every action is limited to nothing or does not help";
    return new ProtectDecision.CannotAct(
        "health " + Units.formatHealth(health) + " below min " + Units.formatHealth(band.min()) + ": " + why,
        List.copyOf(considered));
  }

  private static ProtectDecision withdraw(BigInteger health, Band band, Function<ActionKind, List<ProtectOption>> sizer) {
    List<ProtectOption> options = sizer.apply(ActionKind.WITHDRAW);
    for (ProtectOption o : options) {
      if (o.acts() && o.reachesTarget()) return new ProtectDecision.Act(o, false, options);
    }
    return new ProtectDecision.Hold(
        "health " + Units.formatHealth(health) + " above max " + Units.formatHealth(band.max().orElseThrow())
            + " but no collateral can be withdrawn down to the target");
  }
}
