package io.collateralkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.journal.History;
import io.collateralkeeper.journal.HistoryLine;
import io.collateralkeeper.journal.HistoryRow;
import io.collateralkeeper.journal.Journal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keeper history}: the journal per UTC day and protocol. Reads only; safe while a keeper runs. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Print the journal per UTC day and protocol: attempts (intents), wins, reverts, realized profit",
      "(revenue from receipts minus gas) in USD, and gas in USD and ETH."
    })
public final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JournalOptions journal;

  @Option(names = "--json", description = "Print a JSON array (exact decimal strings) instead of a table.")
  boolean json;

  @Option(names = "--days", paramLabel = "N", description = "Only the last N UTC days, today included.")
  Integer days;

  /** Where "today" comes from (injectable). */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    if (days != null && days < 1) throw new KeeperException("--days must be at least 1");
    Path file = journal.path();
    List<HistoryRow> rows;
    try (Journal j = Journal.openExisting(file)) {
      rows = j.historyRows();
    }
    Optional<LocalDate> since =
        days == null ? Optional.empty() : Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1));
    List<HistoryLine> lines = History.aggregate(rows, since);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(HistoryTable.json(lines)));
    } else {
      out.print(HistoryTable.text(lines));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
