package io.collateralkeeper.protect;

import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.AssetLimits;
import io.collateralkeeper.strategy.protect.ProtectOption;
import java.math.BigInteger;
import java.util.Optional;

/** Human text for protect actions and amounts (logs, alerts, {@code --explain}). */
final class Describe {
  private Describe() {}

  /** An amount of what an option moves: "1234.5 USDC", or "0.25 (size, wad) of market 0" for a reduction. */
  static String amount(ProtectOption o, BigInteger amount, ProtectSettings s) {
    if (o.token().isEmpty()) return Units.formatWad(amount, 6) + " of " + o.label();
    Optional<AssetLimits> l = s.limits(o.token().get());
    return l.map(x -> x.format(amount) + " " + x.symbol()).orElse(amount + " units of " + o.token().get());
  }

  /** "top-up 1234.5 USDC: health 1.1000 -> 1.5000". */
  static String option(ProtectOption o, ProtectSettings s) {
    String verb = o.kind() == ActionKind.REDUCE ? "reduce by" : o.kind().key();
    return verb + " " + amount(o, o.amount(), s) + ": health " + Units.formatHealth(o.healthBefore()) + " -> "
        + Units.formatHealth(o.healthAfter());
  }

  /** "USDC" or the short token address; "market 0" for a reduction. */
  static String what(ProtectOption o, ProtectSettings s) {
    return o.token().flatMap(s::limits).map(AssetLimits::symbol).orElse(o.label());
  }
}
