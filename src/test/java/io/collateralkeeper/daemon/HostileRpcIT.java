package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.PoolSettings;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.HostileRpcProxy;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.wallet.WalletLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon behind an endpoint that corrupts a quarter of its answers (truncated, oversized, wrong-typed, errors,
 * HTTP 500, garbage): it keeps running, sends nothing while no account is liquidatable, and liquidates correctly once
 * the endpoint behaves.
 */
class HostileRpcIT {
  private DevnetFixture fx;
  private HostileRpcProxy proxy;
  private ChainClient chain;
  private Journal journal;
  private KeeperDaemon daemon;
  private Thread loop;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    proxy = new HostileRpcProxy(fx.anvil.rpcUrl(), 4242, 0.25, 2 << 20);
    chain = ChainClient.http(List.of(proxy.url()), Duration.ofSeconds(10), new PoolSettings(3, 1 << 20));
    journal = Journal.open(tmp.resolve("journal.db"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (daemon != null) daemon.stop();
    if (loop != null) loop.join(10_000);
    journal.close();
    chain.close();
    proxy.close();
    fx.close();
  }

  @Test
  void shouldKeepRunningAndSendNothingOnBadDataThenLiquidateWhenTheEndpointRecovers() throws Exception {
    List<Address> accounts = Scenario.openLongs(fx, 20, 21, Scenario.health(130), Scenario.health(160));
    AtomicInteger heads = new AtomicInteger();
    daemon = KeeperAssembly.assemble(chain, fx.vaultStrategy(List.of(proxy.url()), 10_000L, 1000L), WalletLoader.devAccount(1, 31337), journal, r -> heads.incrementAndGet());
    proxy.hostile(true);
    loop = new Thread(daemon, "keeper");
    loop.start();
    for (int i = 0; i < 40; i++) {
      fx.devnet.mine(); // new heads for the daemon to process through the hostile endpoint
      Thread.sleep(100);
    }
    assertThat(loop.isAlive()).isTrue();
    assertThat(proxy.corrupted()).isGreaterThan(30);
    assertThat(proxy.sends()).as("no transaction on bad data").isZero();

    proxy.hostile(false);
    int before = heads.get();
    fx.setPricesPct(75);
    assertThat(fx.liquidatableOnChain(accounts)).isNotEmpty();
    Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> fx.liquidatableOnChain(accounts).isEmpty());
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> daemon.attempts().stream().allMatch(Attempt::included));
    assertThat(loop.isAlive()).isTrue();
    assertThat(heads.get()).isGreaterThan(before);
    assertThat(daemon.attempts()).isNotEmpty().noneMatch(Attempt::reverted);
  }

}
