package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon, against the real vault on Anvil: discovery, liquidation, stale-price refusal, and liquidations mined
 * before the keeper saw their block.
 */
class KeeperEndToEndIT {
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
  void shouldLiquidateEveryAccountACrashMakesLiquidatableWithoutReverts() {
    List<Address> accounts = Scenario.openLongs(fx, 40, 1, Scenario.health(102), Scenario.health(160));
    Signer keeper = WalletLoader.devAccount(1, 31337);
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1), keeper, journal, KeeperListener.NONE);
    assertThat(daemon.processHead(fx.chain.blockNumber()).liquidatable()).isEmpty();

    // ETH and BTC fall 12%: every long opened near 1.0-1.6 health goes under water.
    fx.setPricesPct(88);
    assertThat(fx.liquidatableOnChain(accounts)).isNotEmpty();
    for (int i = 0; i < 10 && !fx.liquidatableOnChain(accounts).isEmpty(); i++) {
      daemon.processHead(fx.chain.blockNumber()); // automine: each sent liquidation is mined at once
    }
    daemon.processHead(fx.chain.blockNumber()); // settle the last receipts

    assertThat(fx.liquidatableOnChain(accounts)).isEmpty();
    List<Attempt> attempts = daemon.attempts();
    assertThat(attempts).isNotEmpty().allMatch(Attempt::included).noneMatch(Attempt::reverted);
    // Realized revenue equals what the local model expected, to the wei (nothing moved in between).
    for (Attempt a : attempts) assertThat(a.revenueUsdWad()).isEqualTo(a.expectedRevenueUsdWad());
    assertThat(fx.chain.balance(Address.of(keeper.address()))).isPositive();
  }

  @Test
  void shouldDiscoverAccountsFromEventsAcrossLogWindowsAndLaterBlocks() {
    List<Address> first = Scenario.openLongs(fx, 30, 2, Scenario.health(150), Scenario.health(300));
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1), WalletLoader.devAccount(1, 31337), journal, KeeperListener.NONE);
    BlockReport r = daemon.processHead(fx.chain.blockNumber());
    assertThat(r.tracked()).isEqualTo(30);

    List<Address> second = Scenario.openLongs(fx, 25, 3, Scenario.health(150), Scenario.health(300));
    r = daemon.processHead(fx.chain.blockNumber());
    List<Address> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(r.tracked()).isEqualTo(all.stream().distinct().count());
  }

  @Test
  void shouldNotLiquidateOnAStalePrice() throws Exception {
    List<Address> accounts = Scenario.openLongs(fx, 10, 4, Scenario.health(102), Scenario.health(110));
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1000), WalletLoader.devAccount(1, 31337), journal, KeeperListener.NONE);
    long now = fx.chain.latestBlock().getTimestamp().longValueExact();
    // A crash price published two days ago: older than the vault's one-day heartbeat.
    fx.feed(fx.deployment.ethFeed()).setAnswerAt(DevnetFixture.pct(DevnetFixture.ETH_START, 80), BigInteger.valueOf(now - 172_800)).send();
    fx.feed(fx.deployment.btcFeed()).setAnswerAt(DevnetFixture.pct(DevnetFixture.BTC_START, 80), BigInteger.valueOf(now - 172_800)).send();
    BlockReport r = daemon.processHead(fx.chain.blockNumber());
    assertThat(r.liquidatable()).isNotEmpty();
    assertThat(r.sent()).isEmpty();
    assertThat(r.skipped()).isNotEmpty().allMatch(s -> s.contains("stale price feed"));
    assertThat(fx.liquidatableOnChain(accounts)).containsAll(r.liquidatable());
  }

  /**
   * The node mines the keeper's liquidations (automine) before the keeper looks at the next head: the pipeline settles
   * them from the node's latest block, but the state the daemon reads at an older head does not show them. The accounts
   * must not be planned again from that state (the chain already liquidated them: every simulation would revert).
   */
  @Test
  void liquidationsMinedAfterTheHeadAreNotPlannedAgainAtThatHead() {
    List<Address> accounts = Scenario.openLongs(fx, 12, 21, Scenario.health(102), Scenario.health(110));
    Signer keeper = WalletLoader.devAccount(1, 31337);
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1000), keeper, journal, KeeperListener.NONE);
    daemon.processHead(fx.chain.blockNumber());
    fx.setPricesPct(85);
    long head = fx.chain.blockNumber();
    BlockReport first = daemon.processHead(head);
    assertThat(first.sent()).isNotEmpty();
    Address k = Address.of(keeper.address());
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fx.chain.pendingNonce(k).equals(fx.chain.latestNonce(k)));
    assertThat(fx.chain.blockNumber()).isGreaterThan(head);

    // the same head again: its state still shows the accounts liquidatable, the chain has liquidated them
    BlockReport again = daemon.processHead(head);

    assertThat(again.settled()).hasSameSizeAs(first.sent()).allMatch(Attempt::included);
    assertThat(again.sent()).isEmpty();
    assertThat(again.skipped()).isEmpty();

    // later heads show the liquidations; what is still liquidatable after a partial close is liquidated, no revert
    for (int i = 0; i < 10 && !fx.liquidatableOnChain(accounts).isEmpty(); i++) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fx.chain.pendingNonce(k).equals(fx.chain.latestNonce(k)));
      BlockReport r = daemon.processHead(fx.chain.blockNumber());
      assertThat(r.skipped()).as("skipped at block %d", r.block()).isEmpty();
    }
    assertThat(fx.liquidatableOnChain(accounts)).isEmpty();
    assertThat(daemon.attempts()).noneMatch(Attempt::reverted);
  }
}
