package io.collateralkeeper.journal;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Aggregates journal rows into {@link HistoryLine}s per UTC day and protocol. Pure. */
public final class History {
  private History() {}

  /**
   * Groups the rows by the UTC day of their intent (or transaction) and by protocol.
   *
   * @param rows journal rows, as {@link Journal#historyRows()} returns them
   * @param since first UTC day to include; empty for all
   * @return one line per (day, protocol), ordered by day then protocol
   */
  public static List<HistoryLine> aggregate(List<HistoryRow> rows, Optional<LocalDate> since) {
    Map<LocalDate, Map<String, Acc>> byDay = new TreeMap<>();
    for (HistoryRow r : rows) {
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(r.atMs()), ZoneOffset.UTC);
      if (since.isPresent() && day.isBefore(since.get())) continue;
      byDay.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(r.protocol(), p -> new Acc()).add(r);
    }
    List<HistoryLine> out = new ArrayList<>();
    byDay.forEach((day, byProtocol) -> byProtocol.forEach((protocol, acc) -> out.add(acc.line(day, protocol))));
    return out;
  }

  /** Running totals of one (day, protocol). */
  private static final class Acc {
    final Set<Long> intents = new HashSet<>();
    final Set<Long> won = new HashSet<>();
    int reverts;
    BigInteger profit = BigInteger.ZERO;
    BigInteger gasUsd = BigInteger.ZERO;
    BigInteger gasWei = BigInteger.ZERO;

    void add(HistoryRow r) {
      if (r.intentId().isPresent()) {
        long id = r.intentId().getAsLong();
        intents.add(id);
        if (r.intentStatus().orElse(null) == IntentStatus.WON) won.add(id);
      }
      if (r.txStatus() == TxStatus.REVERTED) reverts++;
      if (r.outcome().isPresent()) {
        OutcomeRecord o = r.outcome().get();
        profit = profit.add(o.profitUsdWad());
        gasUsd = gasUsd.add(o.gasCostUsdWad());
        gasWei = gasWei.add(o.gasCostWei());
      }
    }

    HistoryLine line(LocalDate day, String protocol) {
      return new HistoryLine(day, protocol, intents.size(), won.size(), reverts, profit, gasUsd, gasWei);
    }
  }
}
