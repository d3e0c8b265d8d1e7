package io.collateralkeeper.journal;

import static io.collateralkeeper.journal.JournalTest.CHAIN;
import static io.collateralkeeper.journal.JournalTest.CLOCK;
import static io.collateralkeeper.journal.JournalTest.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's reorg bookkeeping: index checkpoints, rollback to an ancestor, unsettling a transaction. */
class JournalReorgTest {
  private static final String MARKET = "reference-vault:0xa5";
  private static final Address A = Address.of("0x00000000000000000000000000000000000000a1");
  private static final Address B = Address.of("0x00000000000000000000000000000000000000b2");
  private static final Address C = Address.of("0x00000000000000000000000000000000000000c3");
  @TempDir Path dir;

  @Test
  void shouldRollTheIndexBackToTheAncestorDroppingOnlyAccountsFirstSeenAfterIt() {
    try (Journal j = Journal.open(dir.resolve("k.db"), CLOCK)) {
      j.recordIndexed(CHAIN, MARKET, ref(10), Map.of(A, ref(5)), 0);
      Map<Address, BlockRef> later = new LinkedHashMap<>();
      later.put(B, ref(11));
      later.put(C, ref(12));
      j.recordIndexed(CHAIN, MARKET, ref(12), later, 0);
      assertThat(j.indexCheckpoints(CHAIN, MARKET)).containsExactly(ref(12), ref(10));

      assertThat(j.rollBackIndex(CHAIN, MARKET, 11)).containsExactly(C);
      assertThat(j.indexedAccounts(CHAIN, MARKET)).containsExactly(A, B);
      assertThat(j.indexedUpTo(CHAIN, MARKET)).hasValue(12);
      assertThat(j.indexCheckpoints(CHAIN, MARKET)).containsExactly(ref(10));

      assertThat(j.rollBackIndex(CHAIN, MARKET, 4)).containsExactly(A, B);
      assertThat(j.indexedAccounts(CHAIN, MARKET)).isEmpty();
      assertThat(j.indexedUpTo(CHAIN, MARKET)).hasValue(5);
    }
  }

  @Test
  void shouldKeepOnlyTheNewestCheckpoints() {
    try (Journal j = Journal.open(dir.resolve("k.db"), CLOCK)) {
      for (long b = 1; b <= 10; b++) j.recordIndexed(CHAIN, MARKET, ref(b), Map.of(), b - 2);
      assertThat(j.indexCheckpoints(CHAIN, MARKET)).containsExactly(ref(10), ref(9), ref(8));
    }
  }

  @Test
  void shouldNeverDropAccountsIndexedBeforeBlocksWereRecorded() throws Exception {
    Path file = dir.resolve("old.db");
    try (Journal j = Journal.open(file, CLOCK)) {
      j.recordIndexed(CHAIN, MARKET, 20, List.of(A)); // the pre-reorg API: no first block
    }
    try (Journal j = Journal.open(file, CLOCK)) {
      assertThat(j.rollBackIndex(CHAIN, MARKET, 0)).isEmpty();
      assertThat(j.indexedAccounts(CHAIN, MARKET)).containsExactly(A);
    }
  }

  @Test
  void shouldAddTheReorgColumnsToAJournalWrittenBeforeThem() throws Exception {
    Path file = dir.resolve("v1.db");
    try (Journal j = Journal.open(file, CLOCK)) {
      j.recordIndexed(CHAIN, MARKET, 3, List.of(A));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE index_checkpoints");
      s.executeUpdate("ALTER TABLE indexed_accounts DROP COLUMN first_block_hash");
      s.executeUpdate("ALTER TABLE indexed_accounts DROP COLUMN first_block");
    }
    try (Journal j = Journal.open(file, CLOCK)) {
      j.recordIndexed(CHAIN, MARKET, ref(4), Map.of(B, ref(4)), 0);
      assertThat(j.indexedAccounts(CHAIN, MARKET)).containsExactly(A, B);
      assertThat(j.rollBackIndex(CHAIN, MARKET, 3)).containsExactly(B);
    }
  }

  @Test
  void shouldUnsettleATransactionWhoseBlockLeftTheChain() {
    try (Journal j = Journal.open(dir.resolve("k.db"), CLOCK)) {
      IntentRecord intent =
          j.openIntent(CHAIN, JournalTest.liquidation(A), JournalTest.tx("b", 7, TxKind.CALL, 30)).orElseThrow();
      j.markBroadcast("0x" + "b".repeat(64), List.of());
      j.settleIncluded(CHAIN, SIGNER, 7, JournalTest.outcome("b", true), IntentStatus.WON); // block 123
      assertThat(j.settledSince(CHAIN, SIGNER, 124)).isEmpty();
      assertThat(j.settledSince(CHAIN, SIGNER, 123)).extracting(TxRecord::hash).containsExactly("0x" + "b".repeat(64));

      j.unsettle("0x" + "b".repeat(64));
      assertThat(j.tx("0x" + "b".repeat(64)).orElseThrow().status()).isEqualTo(TxStatus.SIGNED);
      assertThat(j.outcome("0x" + "b".repeat(64))).isEmpty();
      assertThat(j.intent(intent.id()).orElseThrow().status()).isEqualTo(IntentStatus.OPEN);
      assertThat(j.unsettledNonces(CHAIN, SIGNER)).containsExactly(7L);
      assertThat(j.openIntents(CHAIN)).extracting(IntentRecord::id).containsExactly(intent.id());
      assertThat(j.highestLiveNonce(CHAIN, SIGNER)).isEqualTo(OptionalLong.of(7));
    }
  }

  private static BlockRef ref(long block) {
    return new BlockRef(block, "0x" + Long.toHexString(block).repeat(64).substring(0, 64));
  }
}
