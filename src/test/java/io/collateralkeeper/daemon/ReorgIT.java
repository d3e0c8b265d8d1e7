package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.HistoryRow;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxStatus;
import io.collateralkeeper.protocol.AccountHealth;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reorgs made with Anvil's {@code anvil_reorg} and {@code anvil_rollback}: after each (depth 1 to 5) the keeper's
 * account set and every account's health equal a fresh index of the chain, and a liquidation whose block left the
 * chain is tracked again and lands once.
 */
class ReorgIT {
  private DevnetFixture fx;
  private Journal journal;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    journal = Journal.open(tmp.resolve("journal.db"));
  }

  @AfterEach
  void stop() {
    journal.close();
    fx.close();
  }

  @Test
  void shouldEqualAFreshIndexAfterReorgsOfDepthOneToFive() {
    Scenario.openLongs(fx, 8, 31, Scenario.health(130), Scenario.health(200));
    KeeperDaemon keeper = daemon(journal);
    keeper.processHead(fx.chain.blockNumber());
    boolean droppedSome = false;
    for (int depth = 1; depth <= 5; depth++) {
      // new accounts in the newest blocks, indexed by the keeper...
      Scenario.openLongs(fx, 3, 100 + depth, Scenario.health(105), Scenario.health(150));
      keeper.processHead(fx.chain.blockNumber());
      int before = keeper.health().size();
      // ...then the newest `depth` blocks leave the chain
      if (depth % 2 == 1) {
        fx.devnet.reorg(depth, List.of()); // same height, new (empty) blocks
      } else {
        fx.devnet.rollback(depth); // lower head...
        Scenario.openLongs(fx, 1, 200 + depth, Scenario.health(110), Scenario.health(120)); // ...then a new branch
      }
      keeper.processHead(fx.chain.blockNumber());

      assertThat(keeper.reorgs()).as("depth %d detected", depth).isEqualTo(depth);
      Map<Address, BigInteger> fresh = healthOf(freshIndex());
      assertThat(healthOf(keeper.health())).as("depth %d", depth).isEqualTo(fresh);
      droppedSome |= keeper.health().size() < before;
    }
    assertThat(droppedSome).as("some reorg removed the events of accounts the keeper had indexed").isTrue();
  }

  @Test
  void shouldTrackALiquidationAgainWhenItsBlockLeavesTheChain() {
    List<Address> accounts = Scenario.openLongs(fx, 2, 41, Scenario.health(102), Scenario.health(104));
    KeeperDaemon keeper = daemon(journal);
    keeper.processHead(fx.chain.blockNumber());
    fx.setPricesPct(90);
    long crash = fx.chain.blockNumber();
    assertThat(fx.liquidatableOnChain(accounts)).hasSize(2);
    for (int i = 0; i < 5 && !fx.liquidatableOnChain(accounts).isEmpty(); i++) {
      keeper.processHead(fx.chain.blockNumber()); // automine: each liquidation lands in its own block
    }
    keeper.processHead(fx.chain.blockNumber());
    assertThat(fx.liquidatableOnChain(accounts)).isEmpty();
    List<Attempt> landed = keeper.attempts();
    assertThat(landed).isNotEmpty().allMatch(Attempt::included);
    long intents = journal.historyRows().stream().map(HistoryRow::intentId).distinct().count();

    // the blocks holding the liquidations are replaced by empty ones: the liquidations are gone
    int depth = (int) (fx.chain.blockNumber() - crash);
    assertThat(depth).isBetween(1, 5);
    fx.devnet.reorg(depth, List.of());
    assertThat(fx.liquidatableOnChain(accounts)).hasSize(2);

    keeper.processHead(fx.chain.blockNumber()); // same height: detects the reorg, sends the journaled transactions again
    for (int i = 0; i < 5 && !fx.liquidatableOnChain(accounts).isEmpty(); i++) keeper.processHead(fx.chain.blockNumber());
    keeper.processHead(fx.chain.blockNumber());

    assertThat(keeper.reorgs()).isEqualTo(1);
    assertThat(fx.liquidatableOnChain(accounts)).isEmpty();
    List<HistoryRow> rows = journal.historyRows();
    assertThat(rows.stream().map(HistoryRow::intentId).distinct().count()).as("no new intent").isEqualTo(intents);
    assertThat(rows.stream().filter(r -> r.txStatus() == TxStatus.INCLUDED).count()).isEqualTo(intents);
    assertThat(rows.stream().filter(r -> r.txStatus() == TxStatus.INCLUDED))
        .allMatch(r -> r.intentStatus().orElseThrow() == IntentStatus.WON);
    assertThat(journal.openIntents(31337)).isEmpty();
    for (Attempt a : landed) {
      assertThat(fx.chain.receipt(a.tx().hash())).as("the journaled transaction itself landed again").isPresent();
    }
  }

  private KeeperDaemon daemon(Journal j) {
    return KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1000L), WalletLoader.devAccount(1, 31337), j, KeeperListener.NONE);
  }

  /** Health of every account a keeper with an empty journal finds at the current head. */
  private List<AccountHealth> freshIndex() {
    try (Journal empty = Journal.open(tmp.resolve("fresh-" + System.nanoTime() + ".db"))) {
      KeeperDaemon fresh = daemon(empty);
      fresh.processHead(fx.chain.blockNumber());
      return fresh.health();
    }
  }

  private static Map<Address, BigInteger> healthOf(List<AccountHealth> health) {
    Map<Address, BigInteger> out = new TreeMap<>(java.util.Comparator.comparing(Address::hex));
    for (AccountHealth h : health) out.put(h.account(), h.healthFactor());
    return out;
  }

}
