package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.EndpointHealth;
import io.collateralkeeper.chain.EndpointState;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.PoolSettings;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DelayingRpcProxy;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    KeeperAssembly.verifyChainId(pooled, strategy());
    runDaemon();

    // First leg of the crash: some accounts go under and are liquidated while both endpoints serve.
    fx.setPrices(pct(DevnetFixture.ETH_START, 95), pct(DevnetFixture.BTC_START, 95));
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> daemon.attempts().stream().anyMatch(Attempt::included));
    assertThat(countSends(primary)).isPositive();

    // The primary dies; the crash goes on.
    primary.close();
    int backupSendsBefore = countSends(backup);
    fx.setPrices(pct(DevnetFixture.ETH_START, 90), pct(DevnetFixture.BTC_START, 90));
    fx.setPrices(pct(DevnetFixture.ETH_START, 85), pct(DevnetFixture.BTC_START, 85));
    Set<Address> underwater = liquidatableOnChain(accounts);
    Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> liquidatableOnChain(accounts).isEmpty());
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
      KeeperAssembly.verifyChainId(pooled, strategy());
      assertThat(pooled.blockNumber()).isEqualTo(fx.chain.blockNumber());
      assertThat(pooled.endpointHealth()).extracting(EndpointHealth::state)
          .containsExactly(EndpointState.LAGGING, EndpointState.HEALTHY);
      assertThat(pooled.endpointHealth().get(0).lagBlocks()).isEqualTo(fx.chain.blockNumber());

      runDaemon();
      fx.setPrices(pct(DevnetFixture.ETH_START, 85), pct(DevnetFixture.BTC_START, 85));
      assertThat(liquidatableOnChain(accounts)).isNotEmpty();
      Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> liquidatableOnChain(accounts).isEmpty());
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
    daemon = KeeperAssembly.assemble(pooled, strategy(), WalletLoader.devAccount(1, 31337), journal, KeeperListener.NONE);
    loop = new Thread(daemon, "keeper");
    loop.start();
  }

  private static int countSends(DelayingRpcProxy proxy) {
    return (int) proxy.requests().stream().filter(r -> r.contains("\"eth_sendRawTransaction\"")).count();
  }

  private StrategyConfig strategy() {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(primary.url(), backup.url()), 31337L, 20L, 10_000L),
        new StrategyConfig.ReferenceVault(
            fx.deployment.vault().hex(), fx.deployment.multicall().hex(), fx.deployment.deployBlock(), 1000L),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), fx.deployment.ethFeed().hex()),
        null,
        null);
  }

  private Set<Address> liquidatableOnChain(List<Address> accounts) {
    VaultAbi abi = new VaultAbi(fx.deployment.vault());
    List<CallRequest> calls = accounts.stream().map(a -> new CallRequest(fx.deployment.vault(), abi.healthFactor(a))).toList();
    var results = new Multicall(fx.chain, fx.deployment.multicall(), 250).aggregate(calls, fx.chain.blockNumber());
    Set<Address> out = new LinkedHashSet<>();
    for (int i = 0; i < accounts.size(); i++) {
      if (abi.decodeUint(results.get(i).returnData()).compareTo(Units.WAD) < 0) out.add(accounts.get(i));
    }
    return out;
  }

  private static BigInteger pct(BigInteger v, int pct) {
    return v.multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100));
  }
}
