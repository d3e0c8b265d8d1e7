package io.collateralkeeper.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.collateralkeeper.journal.HistoryLine;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Renders {@link HistoryLine}s as a text table (USD to the cent, gas in ETH to 1e-6) or as exact JSON rows. */
final class HistoryTable {
  private static final String FORMAT = "%-10s  %-16s  %8s  %5s  %7s  %14s  %11s  %12s%n";

  private HistoryTable() {}

  /** The table with a header and, when there are lines, a total. */
  static String text(List<HistoryLine> lines) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        FORMAT, "DAY (UTC)", "PROTOCOL", "ATTEMPTS", "WINS", "REVERTS", "PROFIT USD", "GAS USD", "GAS ETH"));
    int attempts = 0;
    int wins = 0;
    int reverts = 0;
    BigInteger profit = BigInteger.ZERO;
    BigInteger gasUsd = BigInteger.ZERO;
    BigInteger gasWei = BigInteger.ZERO;
    for (HistoryLine l : lines) {
      out.append(row(l.day().toString(), l.protocol(), l.attempts(), l.wins(), l.reverts(), l.profitUsdWad(),
          l.gasUsdWad(), l.gasWei()));
      attempts += l.attempts();
      wins += l.wins();
      reverts += l.reverts();
      profit = profit.add(l.profitUsdWad());
      gasUsd = gasUsd.add(l.gasUsdWad());
      gasWei = gasWei.add(l.gasWei());
    }
    if (lines.isEmpty()) out.append("(no transactions journaled)").append(System.lineSeparator());
    else out.append(row("total", "", attempts, wins, reverts, profit, gasUsd, gasWei));
    return out.toString();
  }

  private static String row(
      String day, String protocol, int attempts, int wins, int reverts, BigInteger profit, BigInteger gasUsd,
      BigInteger gasWei) {
    return String.format(FORMAT, day, protocol, attempts, wins, reverts, Units.formatWad(profit, 2),
        Units.formatWad(gasUsd, 2), Units.formatWad(gasWei, 6));
  }

  /**
   * One JSON row: the same fields as the table, amounts as exact decimal strings (USD, ETH) and as the integers
   * they come from (USD wad, wei).
   */
  @JsonPropertyOrder({"day", "protocol", "attempts", "wins", "reverts", "profitUsd", "gasUsd", "gasEth",
      "profitUsdWad", "gasUsdWad", "gasWei"})
  record Json(
      String day, String protocol, int attempts, int wins, int reverts, String profitUsd, String gasUsd,
      String gasEth, String profitUsdWad, String gasUsdWad, String gasWei) {}

  static List<Json> json(List<HistoryLine> lines) {
    List<Json> out = new ArrayList<>();
    for (HistoryLine l : lines) {
      out.add(new Json(l.day().toString(), l.protocol(), l.attempts(), l.wins(), l.reverts(),
          exact(l.profitUsdWad()), exact(l.gasUsdWad()), exact(l.gasWei()),
          l.profitUsdWad().toString(), l.gasUsdWad().toString(), l.gasWei().toString()));
    }
    return out;
  }

  private static String exact(BigInteger wad) {
    return Units.fromWad(wad).toPlainString();
  }
}
