package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.NewTx;
import io.collateralkeeper.journal.OutcomeRecord;
import io.collateralkeeper.journal.Route;
import io.collateralkeeper.journal.TxKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keeper history} over a journal written on a temporary file: table, JSON, --days, and user errors. */
class HistoryCommandTest {
  static final Address SIGNER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  static final BigInteger WAD = BigInteger.TEN.pow(18);

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Three days ago: one liquidation won ($40 revenue, $2 gas). Today: one won ($25, $1.5 gas), one reverted ($0.5 gas). */
  private Path journal() {
    Path file = dir.resolve("journal.db");
    Clock now = Clock.systemUTC();
    try (Journal j = Journal.open(file, Clock.offset(now, Duration.ofDays(-3)))) {
      settle(j, 0, "a", 40, "2", true);
    }
    try (Journal j = Journal.open(file, now)) {
      settle(j, 1, "b", 25, "1.5", true);
      settle(j, 2, "c", 0, "0.5", false);
    }
    return file;
  }

  private static void settle(Journal j, long nonce, String digit, long revenueUsd, String gasUsd, boolean ok) {
    Address account = Address.of("0x" + digit.repeat(40));
    String hash = "0x" + digit.repeat(64);
    NewTx tx = new NewTx(hash, OptionalLong.empty(), 31337, SIGNER, nonce, TxKind.CALL, BigInteger.TEN, BigInteger.ONE,
        BigInteger.valueOf(300_000), Route.PUBLIC, "0x02", 1);
    IntentRecord intent = j.openIntent(31337, new IntentSpec("reference-vault", account, "liquidate", WAD), tx).orElseThrow();
    j.markBroadcast(hash, List.of());
    BigInteger gasUsdWad = new java.math.BigDecimal(gasUsd).multiply(new java.math.BigDecimal(WAD)).toBigIntegerExact();
    OutcomeRecord o = new OutcomeRecord(hash, 10 + nonce, ok, BigInteger.valueOf(200_000),
        BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(revenueUsd).multiply(WAD), gasUsdWad);
    j.settleIncluded(31337, SIGNER, nonce, o, ok ? IntentStatus.WON : IntentStatus.LOST);
    assertThat(j.intent(intent.id()).orElseThrow().status()).isEqualTo(ok ? IntentStatus.WON : IntentStatus.LOST);
  }

  @Test
  void shouldPrintATablePerDayAndProtocolWithATotal() {
    Path file = journal();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String earlier = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();

    Result r = run("history", "--journal", file.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("DAY (UTC)").contains("ATTEMPTS", "WINS", "REVERTS", "PROFIT USD", "GAS USD", "GAS ETH");
    assertThat(lines.get(1).split("\\s+")).containsExactly(earlier, "reference-vault", "1", "1", "0", "38.00", "2.00", "0.000200");
    // (25 - 1.5) + (0 - 0.5) = 23
    assertThat(lines.get(2).split("\\s+")).containsExactly(today, "reference-vault", "2", "1", "1", "23.00", "2.00", "0.000400");
    assertThat(lines.get(3).split("\\s+")).containsExactly("total", "3", "2", "1", "61.00", "4.00", "0.000600");
  }

  @Test
  void shouldPrintExactJsonAndHonourDays() throws Exception {
    Path file = journal();

    Result r = run("history", "--journal", file.toString(), "--json", "--days", "2");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(row.get("protocol").asText()).isEqualTo("reference-vault");
    assertThat(row.get("attempts").asInt()).isEqualTo(2);
    assertThat(row.get("wins").asInt()).isEqualTo(1);
    assertThat(row.get("reverts").asInt()).isEqualTo(1);
    assertThat(row.get("profitUsd").asText()).isEqualTo("23");
    assertThat(row.get("gasUsd").asText()).isEqualTo("2");
    assertThat(row.get("gasEth").asText()).isEqualTo("0.0004");
    assertThat(row.get("gasWei").asText()).isEqualTo("400000000000000");
    assertThat(row.get("profitUsdWad").asText()).isEqualTo("23000000000000000000");
  }

  @Test
  void shouldSayWhenTheJournalIsEmpty() {
    Path file = dir.resolve("empty.db");
    Journal.open(file).close();

    Result r = run("history", "--journal", file.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("(no transactions journaled)");
  }

  @Test
  void shouldFailWithOneLineAndExitTwoWhenTheJournalIsMissing() {
    Path file = dir.resolve("nope.db");

    Result r = run("history", "--journal", file.toString());

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error: journal not found: " + file + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void shouldFailWithOneLineOnAFileThatIsNotAJournal() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello, not a database at all\n".repeat(200));

    Result r = run("history", "--journal", file.toString());

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().lines()).singleElement().asString().startsWith("error: ").contains("is not a keeper journal");
  }

  @Test
  void shouldRefuseZeroDays() {
    Result r = run("history", "--journal", journal().toString(), "--days", "0");

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--days must be at least 1");
  }
}
