package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node mines the keeper's liquidations (automine) before the keeper looks at the next head: the pipeline settles
 * them from the node's latest block, but the state the daemon reads at an older head does not show them. The accounts
 * must not be planned again from that state (the chain already liquidated them: every simulation would revert).
 */
class LandedAheadIT {
  private DevnetFixture fx;
  private Journal journal;
  private final Signer keeper = WalletLoader.devAccount(1, 31337);
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
  void liquidationsMinedAfterTheHeadAreNotPlannedAgainAtThatHead() {
    List<Address> accounts = Scenario.openLongs(fx, 12, 21, Scenario.health(102), Scenario.health(110));
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
