package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.protect.AssetLimits;
import io.collateralkeeper.strategy.protect.Band;
import io.collateralkeeper.strategy.protect.ProtectDecision;
import io.collateralkeeper.strategy.protect.ProtectOption;
import io.collateralkeeper.strategy.protect.TargetReport;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text of {@code keeper protect --explain}: one block per account, fixed labels, figures in plain decimals. */
final class ExplainFormatter {
  private ExplainFormatter() {}

  static String format(
      long head, String protocol, Address wallet, ProtectSettings s, List<AccountStatus> statuses,
      Map<Address, BigInteger> spentToday) {
    StringBuilder b = new StringBuilder();
    b.append("protect ").append(protocol).append(" at block ").append(head).append(", chain ").append(s.chainId())
        .append(", wallet ").append(wallet).append('\n');
    for (AssetLimits l : s.assets()) {
      b.append("  limits ").append(l.symbol()).append(": per action ").append(l.maxPerAction().map(l::format).orElse("-"))
          .append(", per day ").append(l.maxPerDay().map(l::format).orElse("-")).append(" (spent today ")
          .append(l.format(spentToday.getOrDefault(l.token(), BigInteger.ZERO))).append("), keep ")
          .append(l.format(l.minWalletBalance())).append('\n');
    }
    for (AccountStatus st : statuses) account(b, s, st);
    return b.toString();
  }

  private static void account(StringBuilder b, ProtectSettings s, AccountStatus st) {
    b.append("account ").append(st.address()).append('\n');
    b.append("  health    ").append(st.health().map(Units::formatHealth).orElse("unknown")).append('\n');
    st.band().ifPresent(band -> b.append("  band      ").append(band(band, st)).append('\n'));
    st.auto().ifPresent(r -> auto(b, r));
    st.allowances().forEach((token, a) -> s.limits(token).ifPresent(l -> b.append("  spendable ")
        .append(l.format(a.amount())).append(' ').append(l.symbol()).append(" (limited by ").append(a.limitedBy().text())
        .append(")\n")));
    for (String n : st.notes()) b.append("  note      ").append(n).append('\n');
    b.append("  action    ").append(decision(st.decision(), s)).append('\n');
    for (ProtectOption o : considered(st.decision())) {
      b.append("    option  ").append(Describe.option(o, s)).append(o.reachesTarget() ? " (reaches target)" : "");
      o.needed().filter(n -> n.compareTo(o.amount()) > 0)
          .ifPresent(n -> b.append(" (needs ").append(Describe.amount(o, n, s)).append(')'));
      b.append('\n');
    }
  }

  private static String band(Band band, AccountStatus st) {
    return "min " + Units.formatHealth(band.min()) + "  target " + Units.formatHealth(band.target())
        + (st.account().autoTarget() ? " (auto)" : "") + "  max " + band.max().map(Units::formatHealth).orElse("-");
  }

  private static void auto(StringBuilder b, TargetReport r) {
    b.append(String.format(Locale.ROOT, "  auto      horizon %d min, confidence %.2f%%, floor %s, %s, EWMA lambda %.2f, %d intervals%n",
        r.settings().horizonSeconds() / 60, r.settings().confidence() * 100, Units.formatHealth(r.settings().floorWad()),
        r.settings().expectedShortfall() ? "covers ES" : "covers VaR", r.settings().lambda(), r.samples()));
    for (int i = 0; i < r.feeds().size(); i++) {
      b.append(String.format(Locale.ROOT, "  feed      %s exposure %+.2f USD, volatility %.4f%% over the horizon%n",
          r.feeds().get(i), r.deltasUsd()[i], r.volatilities()[i] * 100));
    }
    for (int i = 0; i < r.feeds().size(); i++) {
      for (int j = i + 1; j < r.feeds().size(); j++) {
        b.append(String.format(Locale.ROOT, "  corr      %s / %s %.4f%n", r.feeds().get(i), r.feeds().get(j), r.correlation()[i][j]));
      }
    }
    b.append(String.format(Locale.ROOT, "  risk      sigma %.2f USD, VaR %.2f USD, ES %.2f USD, denominator %s USD -> target %s%n",
        r.risk().sigmaUsd(), r.risk().valueAtRiskUsd(), r.risk().expectedShortfallUsd(),
        Units.formatWad(r.denominatorUsdWad(), 2), Units.formatHealth(r.targetWad())));
  }

  private static String decision(ProtectDecision d, ProtectSettings s) {
    return switch (d) {
      case ProtectDecision.Hold h -> "hold: " + h.reason();
      case ProtectDecision.CannotAct c -> "CANNOT ACT: " + c.reason();
      case ProtectDecision.Act a -> Describe.option(a.option(), s) + (a.shortOfTarget() ? " (SHORT OF TARGET: limits)" : "");
    };
  }

  private static List<ProtectOption> considered(ProtectDecision d) {
    return switch (d) {
      case ProtectDecision.Act a -> a.considered();
      case ProtectDecision.CannotAct c -> c.considered();
      case ProtectDecision.Hold h -> List.of();
    };
  }
}
