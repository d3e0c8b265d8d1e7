package io.collateralkeeper.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite journal on a temporary file: durability, intent keys, settlement, refusing foreign files. */
class JournalTest {
  static final long CHAIN = 31337;
  static final Address SIGNER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  static final Address ACCOUNT = Address.of("0x00000000000000000000000000000000000000aa");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-05T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  static IntentSpec liquidation(Address account) {
    return new IntentSpec("reference-vault", account, "liquidate", new BigInteger("12500000000000000000"));
  }

  static NewTx tx(String hashDigit, long nonce, TxKind kind, long maxFeeGwei) {
    return tx(CHAIN, hashDigit, nonce, kind, maxFeeGwei);
  }

  static NewTx tx(long chain, String hashDigit, long nonce, TxKind kind, long maxFeeGwei) {
    return new NewTx(
        "0x" + hashDigit.repeat(64),
        OptionalLong.empty(),
        chain,
        SIGNER,
        nonce,
        kind,
        BigInteger.valueOf(maxFeeGwei).multiply(BigInteger.TEN.pow(9)),
        BigInteger.TEN.pow(9),
        BigInteger.valueOf(250_000),
        Route.PUBLIC,
        "0x02f8" + hashDigit.repeat(10),
        100);
  }

  @Test
  void shouldKeepEverythingAcrossCloseAndReopen() {
    Path file = dir.resolve("keeper.db");
    long intentId;
    try (Journal j = Journal.open(file, CLOCK)) {
      IntentRecord intent = j.openIntent(CHAIN, liquidation(ACCOUNT), tx("a", 7, TxKind.CALL, 30)).orElseThrow();
      intentId = intent.id();
      j.markBroadcast("0x" + "a".repeat(64), List.of());
      j.recordSigned(tx("b", 7, TxKind.CALL, 33).forIntent(intentId));
      j.markBroadcast("0x" + "b".repeat(64), List.of("0x" + "a".repeat(64)));
      j.settleIncluded(CHAIN, SIGNER, 7, outcome("b", true), IntentStatus.WON);
    }

    try (Journal j = Journal.open(file, CLOCK)) {
      IntentRecord intent = j.intent(intentId).orElseThrow();
      assertThat(intent.status()).isEqualTo(IntentStatus.WON);
      assertThat(intent.key()).isEqualTo("reference-vault:" + ACCOUNT.hex() + ":liquidate");
      assertThat(intent.expectedProfitUsdWad()).isEqualTo(new BigInteger("12500000000000000000"));
      assertThat(intent.createdMs()).isEqualTo(CLOCK.millis());
      List<TxRecord> txs = j.txsAt(CHAIN, SIGNER, 7);
      assertThat(txs).extracting(TxRecord::status).containsExactly(TxStatus.REPLACED, TxStatus.INCLUDED);
      assertThat(txs.get(1).maxFeeWei()).isEqualTo(new BigInteger("33000000000"));
      assertThat(txs.get(1).rawSignedHex()).isEqualTo("0x02f8" + "b".repeat(10));
      assertThat(txs.get(1).intentId()).hasValue(intentId);
      assertThat(j.outcome("0x" + "b".repeat(64))).contains(outcome("b", true));
      assertThat(j.unsettledNonces(CHAIN, SIGNER)).isEmpty();
      assertThat(j.highestLiveNonce(CHAIN, SIGNER)).hasValue(7);
    }
  }

  @Test
  void shouldCommitDurablyBeforeReturningSoAnotherConnectionSeesTheSignedTx() throws Exception {
    Path file = dir.resolve("keeper.db");
    try (Journal j = Journal.open(file, CLOCK)) {
      j.openIntent(CHAIN, liquidation(ACCOUNT), tx("a", 0, TxKind.CALL, 30)).orElseThrow();

      // WAL, and every commit synced to disk (synchronous = 2 = FULL) before a method returns
      assertThat(j.pragma("journal_mode")).isEqualTo("wal");
      assertThat(j.pragma("synchronous")).isEqualTo("2");
      assertThat(j.pragma("foreign_keys")).isEqualTo("1");
      // a separate connection (as after a crash) reads the committed row while the writer is still open
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = other.createStatement()) {
        ResultSet rs = s.executeQuery("SELECT status, nonce FROM txs");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("signed");
        assertThat(rs.getLong(2)).isZero();
        ResultSet mode = s.executeQuery("PRAGMA journal_mode");
        assertThat(mode.getString(1)).isEqualTo("wal");
      }
    }
  }

  @Test
  void shouldNeverOpenTheSameIntentKeyTwiceWhileOneIsOpen() {
    try (Journal j = Journal.open(dir.resolve("keeper.db"), CLOCK)) {
      IntentRecord first = j.openIntent(CHAIN, liquidation(ACCOUNT), tx("a", 0, TxKind.CALL, 30)).orElseThrow();

      assertThat(j.openIntent(CHAIN, liquidation(ACCOUNT), tx("b", 1, TxKind.CALL, 30))).isEmpty();
      assertThat(j.tx("0x" + "b".repeat(64))).as("nothing written for the refused intent").isEmpty();
      assertThat(j.openIntent(CHAIN, liquidation(ACCOUNT).key())).map(IntentRecord::id).contains(first.id());
      // another chain or another account is another intent
      assertThat(j.openIntent(1, liquidation(ACCOUNT), tx(1, "c", 1, TxKind.CALL, 30))).isPresent();
      Address other = Address.of("0x00000000000000000000000000000000000000bb");
      assertThat(j.openIntent(CHAIN, liquidation(other), tx("d", 1, TxKind.CALL, 30))).isPresent();

      j.closeIntent(first.id(), IntentStatus.LOST);
      assertThat(j.openIntent(CHAIN, liquidation(ACCOUNT), tx("e", 2, TxKind.CALL, 30))).isPresent();
      assertThat(j.openIntents(CHAIN)).hasSize(2);
    }
  }

  @Test
  void shouldDropEveryTxAtANonceConsumedElsewhereAndFailItsIntent() {
    try (Journal j = Journal.open(dir.resolve("keeper.db"), CLOCK)) {
      IntentRecord intent = j.openIntent(CHAIN, liquidation(ACCOUNT), tx("a", 3, TxKind.CALL, 30)).orElseThrow();
      j.recordSigned(tx("b", 3, TxKind.CANCEL, 33).forIntent(intent.id()));
      assertThat(j.unsettledNonces(CHAIN, SIGNER)).containsExactly(3L);

      j.settleConsumedElsewhere(CHAIN, SIGNER, 3);

      assertThat(j.txsAt(CHAIN, SIGNER, 3)).extracting(TxRecord::status).containsOnly(TxStatus.DROPPED);
      assertThat(j.intent(intent.id()).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
      assertThat(j.unsettledNonces(CHAIN, SIGNER)).isEmpty();
      assertThat(j.highestLiveNonce(CHAIN, SIGNER)).isEmpty();
    }
  }

  @Test
  void shouldSettleACancellationAsCancelledAndTheOriginalAsReplaced() {
    try (Journal j = Journal.open(dir.resolve("keeper.db"), CLOCK)) {
      IntentRecord intent = j.openIntent(CHAIN, liquidation(ACCOUNT), tx("a", 4, TxKind.CALL, 30)).orElseThrow();
      j.markBroadcast("0x" + "a".repeat(64), List.of());
      j.recordSigned(tx("c", 4, TxKind.CANCEL, 33).forIntent(intent.id()));

      j.settleIncluded(CHAIN, SIGNER, 4, outcome("c", true), IntentStatus.CANCELLED);

      assertThat(j.txsAt(CHAIN, SIGNER, 4)).extracting(TxRecord::status)
          .containsExactly(TxStatus.REPLACED, TxStatus.INCLUDED);
      assertThat(j.intent(intent.id()).orElseThrow().status()).isEqualTo(IntentStatus.CANCELLED);
    }
  }

  @Test
  void shouldCloseTheIntentAsFailedWhenItsOnlyTxIsRejected() {
    try (Journal j = Journal.open(dir.resolve("keeper.db"), CLOCK)) {
      IntentRecord intent = j.openIntent(CHAIN, liquidation(ACCOUNT), tx("a", 5, TxKind.CALL, 30)).orElseThrow();

      j.markDropped("0x" + "a".repeat(64), Optional.of(IntentStatus.FAILED));

      assertThat(j.intent(intent.id()).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
      assertThat(j.highestLiveNonce(CHAIN, SIGNER)).isEmpty();
      assertThat(j.openIntent(CHAIN, liquidation(ACCOUNT), tx("b", 5, TxKind.CALL, 30))).isPresent();
    }
  }

  @Test
  void shouldListLiveNoncesAndUnsettledOnesPerSigner() {
    try (Journal j = Journal.open(dir.resolve("keeper.db"), CLOCK)) {
      j.recordSigned(tx("1", 10, TxKind.CANCEL, 30));
      j.recordSigned(tx("2", 12, TxKind.CANCEL, 30));
      j.recordSigned(tx("3", 13, TxKind.CANCEL, 30));
      j.markDropped("0x" + "3".repeat(64), Optional.empty());

      assertThat(j.liveNonces(CHAIN, SIGNER, 11)).containsExactly(12L);
      assertThat(j.unsettledNonces(CHAIN, SIGNER)).containsExactly(10L, 12L);
      assertThat(j.highestLiveNonce(CHAIN, SIGNER)).hasValue(12);
      Address other = Address.of("0x00000000000000000000000000000000000000cc");
      assertThat(j.unsettledNonces(CHAIN, other)).isEmpty();
    }
  }

  @Test
  void shouldRefuseAFileThatIsNotAnSqliteDatabase() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "these are not the bytes of an SQLite database, just some text\n".repeat(100));

    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> Journal.open(file, CLOCK))
        .isInstanceOf(KeeperException.class)
        .hasMessage(file + " is not a keeper journal (not an SQLite database)");
    assertThat(Files.readAllBytes(file)).as("left untouched").isEqualTo(before);
  }

  @Test
  void shouldRefuseAnotherApplicationsSqliteDatabase() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE people (name TEXT)");
    }

    assertThatThrownBy(() -> Journal.open(file, CLOCK))
        .isInstanceOf(KeeperException.class)
        .hasMessage(file + " is not a keeper journal (another application's SQLite database)");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertThat(s.executeQuery("PRAGMA journal_mode").getString(1)).as("not switched to WAL").isEqualTo("delete");
      assertThat(s.executeQuery("SELECT COUNT(*) FROM sqlite_schema").getInt(1)).as("no tables added").isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseASecondWriterOnTheSameJournal() {
    Path file = dir.resolve("keeper.db");
    try (Journal first = Journal.open(file, CLOCK)) {
      assertThatThrownBy(() -> Journal.open(file, CLOCK))
          .isInstanceOf(KeeperException.class)
          .hasMessageContaining("is in use by another keeper process");
    }
    // released on close
    Journal.open(file, CLOCK).close();
  }

  @Test
  void shouldRefuseToReadAMissingJournal() {
    Path file = dir.resolve("missing.db");

    assertThatThrownBy(() -> Journal.openExisting(file)).hasMessage("journal not found: " + file);
    assertThat(file).doesNotExist();
  }

  static OutcomeRecord outcome(String hashDigit, boolean success) {
    return new OutcomeRecord(
        "0x" + hashDigit.repeat(64),
        123,
        success,
        BigInteger.valueOf(180_000),
        new BigInteger("31000000000"),
        success ? new BigInteger("40000000000000000000") : BigInteger.ZERO,
        new BigInteger("16740000000000000000"));
  }
}
