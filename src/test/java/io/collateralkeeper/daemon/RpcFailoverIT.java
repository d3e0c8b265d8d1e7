package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.EndpointHealth;
import io.collateralkeeper.chain.EndpointState;
import io.collateralkeeper.chain.PoolSettings;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DelayingRpcProxy;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
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
 * The daemon through two RPC endpoints (proxies in front of one Anvil): the primary dies in the middle of a crash
 * and every liquidatable account is still liquidated through the backup; an endpoint whose head lags is demoted.
 */
class RpcFailoverIT {
  private DevnetFixture fx;
  private DelayingRpcProxy primary;
  private DelayingRpcProxy backup;
  private ChainClient pooled;
  private Journal journal;
  private Thread loop;
  private KeeperDaemon daemon;
  private final LastReport reports = new LastReport();
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    primary = new DelayingRpcProxy(fx.anvil.rpcUrl(), "none", Duration.ZERO);
    backup = new DelayingRpcProxy(fx.anvil.rpcUrl(), "none", Duration.ZERO);
    journal = Journal.open(tmp.resolve("journal.db"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (daemon != null) daemon.stop();
    if (loop != null) loop.join(10_000);
    journal.close();
    if (pooled != null) pooled.close();
    primary.close();
    backup.close();
    fx.close();
  }

  @Test
  void shouldLiquidateEveryAccountThroughTheBackupWhenThePrimaryDiesMidCrash() {
    List<Address> accounts = Scenario.openLongs(fx, 30, 11, Scenario.health(102), Scenario.health(140));
    pooled = ChainClient.http(List.of(primary.url(), backup.url()), Duration.ofSeconds(10), PoolSettings.DEFAULTS);
    KeeperAssembly.verifyChainId(pooled, fx.vaultStrategy(List.of(primary.url(), backup.url()), 10_000L, 1000L));
    runDaemon();

    // First leg of the crash: some accounts go under and are liquidated while both endpoints serve.
    fx.setPricesPct(95);
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> daemon.attempts().stream().anyMatch(Attempt::included));
    assertThat(countSends(primary)).isPositive();

    // The primary dies; the crash goes on.
    primary.close();
    int backupSendsBefore = countSends(backup);
    fx.setPricesPct(90);
    fx.setPricesPct(85);
    List<Address> underwater = fx.liquidatableOnChain(accounts);
    awaitEveryProfitableLiquidation(accounts);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> daemon.attempts().stream().allMatch(a -> a.included() || a.reverted()));

    assertThat(underwater).as("the second leg made accounts liquidatable").isNotEmpty();
    assertThat(countSends(backup)).isGreaterThan(backupSendsBefore);
    assertThat(daemon.attempts()).isNotEmpty().noneMatch(Attempt::reverted);
    EndpointHealth dead = pooled.endpointHealth().get(0);
    assertThat(dead.state()).isEqualTo(EndpointState.DOWN);
    assertThat(dead.failures()).isPositive();
    assertThat(pooled.endpointHealth().get(1).state()).isEqualTo(EndpointState.HEALTHY);
  }

  @Test
  void shouldDemoteALaggingEndpointAndKeepLiquidatingThroughTheOthers() throws Exception {
    List<Address> accounts = Scenario.openLongs(fx, 10, 12, Scenario.health(102), Scenario.health(110));
    try (AnvilProcess behind = AnvilProcess.start(AnvilBinary.locate(DevnetFixture.projectDir()), AnvilOptions.devnet())) {
      // a node of the same chain id stuck at block 0, first in the list
      pooled = ChainClient.http(List.of(behind.rpcUrl(), backup.url()), Duration.ofSeconds(10), new PoolSettings(2, 1 << 26));
      KeeperAssembly.verifyChainId(pooled, fx.vaultStrategy(List.of(primary.url(), backup.url()), 10_000L, 1000L));
      assertThat(pooled.blockNumber()).isEqualTo(fx.chain.blockNumber());
      assertThat(pooled.endpointHealth()).extracting(EndpointHealth::state)
          .containsExactly(EndpointState.LAGGING, EndpointState.HEALTHY);
      assertThat(pooled.endpointHealth().get(0).lagBlocks()).isEqualTo(fx.chain.blockNumber());

      runDaemon();
      fx.setPricesPct(85);
      assertThat(fx.liquidatableOnChain(accounts)).isNotEmpty();
      awaitEveryProfitableLiquidation(accounts);
      assertThat(pooled.endpointHealth().get(0).state()).isEqualTo(EndpointState.LAGGING);
      assertThat(new ChainProbe(behind.rpcUrl()).blockNumber()).as("nothing reached the lagging node").isZero();
    }
  }

  /** A direct client to one node. */
  private record ChainProbe(String url) {
    long blockNumber() {
      try (ChainClient c = ChainClient.http(url, Duration.ofSeconds(5))) {
        return c.blockNumber();
      }
    }
  }

  private void runDaemon() {
    daemon = KeeperAssembly.assemble(pooled, fx.vaultStrategy(List.of(primary.url(), backup.url()), 10_000L, 1000L), WalletLoader.devAccount(1, 31337), journal, reports);
    loop = new Thread(daemon, "keeper");
    loop.start();
  }

  /**
   * Waits until no account is liquidatable on chain, or the daemon, at the chain's head and with nothing in flight,
   * declined every one left for want of profit (a price path in steps can leave remainders below the gas cost).
   */
  private void awaitEveryProfitableLiquidation(List<Address> accounts) {
    Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
      List<Address> left = fx.liquidatableOnChain(accounts);
      return left.isEmpty() || reports.onlyUnprofitableLeft(left, fx.chain.blockNumber());
    });
  }

  private static int countSends(DelayingRpcProxy proxy) {
    return (int) proxy.requests().stream().filter(r -> r.contains("\"eth_sendRawTransaction\"")).count();
  }

}
