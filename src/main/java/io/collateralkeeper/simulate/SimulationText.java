package io.collateralkeeper.simulate;

import io.collateralkeeper.risk.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Renders a {@link SimulationReport} as text: header, shocks, one table row per opportunity, balances, verdict. */
public final class SimulationText {
  private static final String ROW = "%-8s  %-42s  %-9s  %-8s  %12s  %12s  %9s  %s%n";

  private SimulationText() {}

  /** The whole report as lines of text. */
  public static String render(SimulationReport r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("fork of %s (chain %d) at block %d; keeper %s ran %d blocks, to block %d%n",
        r.forkUrl(), r.chainId(), r.forkBlock(), r.keeper(), r.blocks(), r.lastBlock()));
    for (AppliedShock s : r.shocks()) {
      out.append(String.format("shock %s: feed %s (%s) %s -> %s%n", s.shock(), s.feed(), String.join(", ", s.names()),
          price(s.before(), s.decimals()), price(s.after(), s.decimals())));
    }
    out.append(System.lineSeparator());
    out.append(String.format(ROW, "BLOCK", "ACCOUNT", "ACTION", "STATUS", "EXPECTED USD", "REALIZED USD", "GAS USED", "REASON / TX"));
    for (Opportunity o : r.opportunities()) {
      boolean acted = o.status() != Opportunity.Status.SKIPPED;
      String detail = o.reason().isEmpty() ? o.tx().orElse("") : o.reason();
      out.append(String.format(ROW, o.block(), o.account(), o.action(), o.status().name().toLowerCase(Locale.ROOT),
          acted ? usd(o.expectedProfitUsdWad()) : "-",
          acted && o.status() != Opportunity.Status.PENDING ? usd(o.realizedProfitUsdWad()) : "-",
          acted ? o.gasUsed().toString() : "-", detail));
    }
    if (r.opportunities().isEmpty()) out.append("(no account became liquidatable)").append(System.lineSeparator());
    out.append(System.lineSeparator());
    BalanceCheck b = r.balances();
    out.append(String.format("ether spent %s ETH, gas of the journaled transactions %s ETH%n",
        Units.formatWad(b.nativeSpentWei(), 9), Units.formatWad(b.journaledGasWei(), 9)));
    for (TokenChange t : b.tokens()) {
      out.append(String.format("%s %s (%s USD)%n", t.token().symbol(), signed(new BigDecimal(t.delta(), t.token().decimals())),
          usd(t.deltaUsdWad())));
    }
    out.append(String.format("token holdings changed by %s USD; receipts show revenue of %s USD: %s%n",
        usd(b.tokenValueChangeUsdWad()), usd(b.receiptRevenueUsdWad()), b.consistent() ? "consistent" : "INCONSISTENT"));
    out.append("verdict: ").append(r.verdict()).append(System.lineSeparator());
    return out.toString();
  }

  private static String usd(BigInteger wad) {
    return Units.formatWad(wad, 2);
  }

  private static String price(BigInteger answer, int decimals) {
    return new BigDecimal(answer, decimals).toPlainString();
  }

  private static String signed(BigDecimal v) {
    return (v.signum() > 0 ? "+" : "") + v.stripTrailingZeros().toPlainString();
  }
}
