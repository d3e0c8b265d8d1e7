package io.collateralkeeper.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Per-day, per-protocol aggregation of the journal for {@code keeper history}. */
class HistoryTest {
  static final BigInteger WAD = BigInteger.TEN.pow(18);

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  static HistoryRow row(long intent, String protocol, IntentStatus st, String when, TxStatus tx, OutcomeRecord o) {
    return new HistoryRow(
        intent < 0 ? OptionalLong.empty() : OptionalLong.of(intent),
        protocol,
        Optional.ofNullable(st),
        at(when),
        tx,
        Optional.ofNullable(o));
  }

  static OutcomeRecord outcome(boolean ok, long revenueUsd, long gasUsed, long priceWei, String gasUsdWad) {
    return new OutcomeRecord(
        "0x01", 1, ok, BigInteger.valueOf(gasUsed), BigInteger.valueOf(priceWei),
        BigInteger.valueOf(revenueUsd).multiply(WAD), new BigInteger(gasUsdWad));
  }

  @Test
  void shouldCountAttemptsWinsRevertsAndSumProfitAndGasPerUtcDayAndProtocol() {
    List<HistoryRow> rows =
        List.of(
            // intent 1 won after one replacement (the replaced tx has no outcome)
            row(1, "vault", IntentStatus.WON, "2024-08-05T23:59:59Z", TxStatus.REPLACED, null),
            row(1, "vault", IntentStatus.WON, "2024-08-05T23:59:59Z", TxStatus.INCLUDED,
                outcome(true, 50, 200_000, 10_000_000_000L, "5000000000000000000")),
            // intent 2 lost: reverted
            row(2, "vault", IntentStatus.LOST, "2024-08-05T01:00:00Z", TxStatus.REVERTED,
                outcome(false, 0, 40_000, 10_000_000_000L, "1000000000000000000")),
            // intent 3 the next UTC day
            row(3, "vault", IntentStatus.OPEN, "2024-08-06T00:00:00Z", TxStatus.BROADCAST, null),
            // another protocol the same day
            row(4, "aave-v3", IntentStatus.CANCELLED, "2024-08-05T10:00:00Z", TxStatus.INCLUDED,
                outcome(true, 0, 21_000, 1_000_000_000L, "70000000000000000")),
            // a gap-filling cancellation without intent
            row(-1, HistoryRow.NO_PROTOCOL, null, "2024-08-05T11:00:00Z", TxStatus.INCLUDED,
                outcome(true, 0, 21_000, 1, "1")));

    List<HistoryLine> lines = History.aggregate(rows, Optional.empty());

    assertThat(lines).extracting(HistoryLine::day, HistoryLine::protocol)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-08-05"), "-"),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-08-05"), "aave-v3"),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-08-05"), "vault"),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-08-06"), "vault"));
    HistoryLine vault = lines.get(2);
    assertThat(vault.attempts()).isEqualTo(2);
    assertThat(vault.wins()).isEqualTo(1);
    assertThat(vault.reverts()).isEqualTo(1);
    // (50 - 5) + (0 - 1) = $44
    assertThat(vault.profitUsdWad()).isEqualTo(BigInteger.valueOf(44).multiply(WAD));
    assertThat(vault.gasUsdWad()).isEqualTo(BigInteger.valueOf(6).multiply(WAD));
    // 200k x 10 gwei + 40k x 10 gwei = 2.4e15 wei
    assertThat(vault.gasWei()).isEqualTo(new BigInteger("2400000000000000"));
    HistoryLine gap = lines.get(0);
    assertThat(gap.attempts()).isZero();
    assertThat(gap.gasWei()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(gap.profitUsdWad()).isEqualTo(BigInteger.valueOf(-1));
    assertThat(lines.get(1).wins()).as("a cancelled intent is no win").isZero();
    assertThat(lines.get(3).attempts()).isEqualTo(1);
    assertThat(lines.get(3).profitUsdWad()).isZero();
  }

  @Test
  void shouldLeaveOutDaysBeforeSince() {
    List<HistoryRow> rows =
        List.of(
            row(1, "vault", IntentStatus.WON, "2024-08-04T23:59:59.999Z", TxStatus.INCLUDED, null),
            row(2, "vault", IntentStatus.WON, "2024-08-05T00:00:00Z", TxStatus.INCLUDED, null));

    List<HistoryLine> lines = History.aggregate(rows, Optional.of(LocalDate.parse("2024-08-05")));

    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.day()).isEqualTo(LocalDate.parse("2024-08-05"));
      assertThat(l.wins()).isEqualTo(1);
    });
  }

  @Test
  void shouldBeEmptyForAnEmptyJournal() {
    assertThat(History.aggregate(List.of(), Optional.empty())).isEmpty();
  }
}
