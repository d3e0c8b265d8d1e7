package io.collateralkeeper.simulate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.collateralkeeper.risk.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a {@link SimulationReport}: amounts as exact decimal strings (USD to 18 decimals, token units) or
 * integer strings (wei, raw token units, gas), so nothing is rounded and JavaScript readers lose no digits.
 */
@JsonPropertyOrder({"verdict", "forkUrl", "chainId", "forkBlock", "lastBlock", "blocks", "keeper", "earnedUsd",
    "lostToRevertsUsd", "shocks", "opportunities", "balances"})
public record SimulationJson(
    String verdict,
    String forkUrl,
    long chainId,
    long forkBlock,
    long lastBlock,
    int blocks,
    String keeper,
    String earnedUsd,
    String lostToRevertsUsd,
    List<ShockJson> shocks,
    List<OpportunityJson> opportunities,
    BalancesJson balances) {

  /** A shock: answers in the feed's decimals, as integers and as decimals. */
  public record ShockJson(String shock, String feed, List<String> names, int decimals, String before, String after,
      String beforeAnswer, String afterAnswer) {}

  /** An opportunity. */
  @JsonPropertyOrder({"block", "account", "action", "status", "expectedProfitUsd", "realizedProfitUsd", "revenueUsd",
      "expectedGasUsd", "gasUsed", "gasCostWei", "withinGasEstimate", "tx", "reason"})
  public record OpportunityJson(long block, String account, String action, String status, String expectedProfitUsd,
      String realizedProfitUsd, String revenueUsd, String expectedGasUsd, String gasUsed, String gasCostWei,
      boolean withinGasEstimate, String tx, String reason) {}

  /** One token's balance change. */
  public record TokenJson(String token, String symbol, String delta, String deltaRaw, String deltaUsd) {}

  /** The balance check. */
  public record BalancesJson(String etherSpentWei, String journaledGasWei, List<TokenJson> tokens,
      String tokenValueChangeUsd, String receiptRevenueUsd, boolean consistent) {}

  /** The JSON form of {@code r}. */
  public static SimulationJson of(SimulationReport r) {
    List<ShockJson> shocks = r.shocks().stream()
        .map(s -> new ShockJson(s.shock().toString(), s.feed().hex(), List.copyOf(s.names()), s.decimals(),
            new BigDecimal(s.before(), s.decimals()).toPlainString(), new BigDecimal(s.after(), s.decimals()).toPlainString(),
            s.before().toString(), s.after().toString()))
        .toList();
    List<OpportunityJson> opportunities = r.opportunities().stream()
        .map(o -> new OpportunityJson(o.block(), o.account().hex(), o.action(), o.status().name().toLowerCase(Locale.ROOT),
            usd(o.expectedProfitUsdWad()), usd(o.realizedProfitUsdWad()), usd(o.revenueUsdWad()), usd(o.expectedGasUsdWad()),
            o.gasUsed().toString(), o.gasCostWei().toString(), o.withinGasEstimate(), o.tx().orElse(null), o.reason()))
        .toList();
    BalanceCheck b = r.balances();
    List<TokenJson> tokens = b.tokens().stream()
        .map(t -> new TokenJson(t.token().token().hex(), t.token().symbol(),
            new BigDecimal(t.delta(), t.token().decimals()).toPlainString(), t.delta().toString(), usd(t.deltaUsdWad())))
        .toList();
    return new SimulationJson(r.verdict(), r.forkUrl(), r.chainId(), r.forkBlock(), r.lastBlock(), r.blocks(),
        r.keeper().hex(), usd(r.earnedUsdWad()), usd(r.lostToRevertsUsdWad()), shocks, opportunities,
        new BalancesJson(b.nativeSpentWei().toString(), b.journaledGasWei().toString(), tokens,
            usd(b.tokenValueChangeUsdWad()), usd(b.receiptRevenueUsdWad()), b.consistent()));
  }

  private static String usd(BigInteger wad) {
    return Units.fromWad(wad).toPlainString();
  }
}
