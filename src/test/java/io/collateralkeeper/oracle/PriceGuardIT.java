package io.collateralkeeper.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.aave.AaveActions;
import io.collateralkeeper.devnet.aave.AaveBorrower;
import io.collateralkeeper.devnet.aave.AaveFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * No liquidation on a stale price or one that deviates from a second source: the daemon skips with a warning and
 * reports the problem instead, on the reference vault and on a real Aave V3 market; once the prices are sound again
 * it liquidates.
 */
class PriceGuardIT {
  private static final Signer KEEPER = WalletLoader.devAccount(1, 31337);
  @TempDir Path tmp;

  @Test
  void vaultShouldNotLiquidateOnAFeedOlderThanTheConfiguredHeartbeat() throws Exception {
    try (DevnetFixture fx = DevnetFixture.start(); Journal journal = Journal.open(tmp.resolve("j.db"))) {
      Scenario.openLongs(fx, 8, 11, Scenario.health(102), Scenario.health(110));
      Address eth = fx.deployment.ethFeed();
      Address btc = fx.deployment.btcFeed();
      // 60 s for both feeds: far stricter than the vault's own one-day heartbeat
      var oracle = new StrategyConfig.Oracle(null, Map.of(eth.hex(), 60L, btc.hex(), 60L), null, null);
      KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, vault(fx, oracle), KEEPER, journal, KeeperListener.NONE);
      long now = fx.chain.latestBlock().getTimestamp().longValueExact();
      fx.feed(eth).setAnswerAt(pct(DevnetFixture.ETH_START, 85), BigInteger.valueOf(now - 600)).send();
      fx.feed(btc).setAnswerAt(pct(DevnetFixture.BTC_START, 85), BigInteger.valueOf(now - 600)).send();

      BlockReport r = daemon.processHead(fx.chain.blockNumber());
      assertThat(r.liquidatable()).isNotEmpty();
      assertThat(r.sent()).isEmpty();
      assertThat(r.skipped()).hasSize(r.liquidatable().size()).allMatch(s -> s.contains("stale price feed"));
      assertThat(r.priceProblems().values()).anyMatch(p -> p.contains("heartbeat 60 s"));

      fx.setPrices(pct(DevnetFixture.ETH_START, 85), pct(DevnetFixture.BTC_START, 85)); // fresh rounds
      r = daemon.processHead(fx.chain.blockNumber());
      assertThat(r.sent()).isNotEmpty();
      assertThat(r.priceProblems()).isEmpty();
    }
  }

  @Test
  void vaultShouldNotLiquidateWhenTheFeedDeviatesFromItsSecondSource() throws Exception {
    try (DevnetFixture fx = DevnetFixture.start(); Journal journal = Journal.open(tmp.resolve("j.db"))) {
      Scenario.openLongs(fx, 8, 12, Scenario.health(102), Scenario.health(110));
      var tm = VaultDeployer.transactionManager(fx.chain.web3j(), fx.deployer, 31337);
      MockAggregator ethSecond =
          MockAggregator.deploy(fx.chain.web3j(), tm, VaultDeployer.gasProvider(31337), BigInteger.valueOf(8), "ETH 2",
              DevnetFixture.ETH_START).send();
      // an 18-decimal second source for BTC: the bound compares scaled answers
      BigInteger btc18 = DevnetFixture.BTC_START.multiply(BigInteger.TEN.pow(10));
      MockAggregator btcSecond =
          MockAggregator.deploy(fx.chain.web3j(), tm, VaultDeployer.gasProvider(31337), BigInteger.valueOf(18), "BTC 2",
              btc18).send();
      var oracle =
          new StrategyConfig.Oracle(null, null, 200L,
              Map.of(fx.deployment.ethFeed().hex(), ethSecond.getContractAddress(),
                  fx.deployment.btcFeed().hex(), btcSecond.getContractAddress()));
      KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, vault(fx, oracle), KEEPER, journal, KeeperListener.NONE);
      fx.setPrices(pct(DevnetFixture.ETH_START, 85), pct(DevnetFixture.BTC_START, 85)); // second sources stay

      BlockReport r = daemon.processHead(fx.chain.blockNumber());
      assertThat(r.liquidatable()).isNotEmpty();
      assertThat(r.sent()).isEmpty();
      assertThat(r.skipped()).allMatch(s -> s.contains("price deviation: feed")).anyMatch(s -> s.contains("1500 bps apart"));

      ethSecond.setAnswer(pct(DevnetFixture.ETH_START, 86)).send(); // within 2% of the primary
      btcSecond.setAnswer(pct(btc18, 84)).send();
      r = daemon.processHead(fx.chain.blockNumber());
      assertThat(r.priceProblems()).isEmpty();
      assertThat(r.sent()).hasSize(r.liquidatable().size());
    }
  }

  @Test
  void aaveShouldReadEachReserveSourceAndRefuseStaleOrDeviatingPrices() throws Exception {
    try (AaveFixture f = AaveFixture.start(); Journal journal = Journal.open(tmp.resolve("j.db"))) {
      AaveActions actions = new AaveActions(f.devnet, f.aave);
      var tm = VaultDeployer.transactionManager(f.chain.web3j(), KEEPER.credentials(), 31337);
      Multicall3 mc = Multicall3.deploy(f.chain.web3j(), tm, VaultDeployer.gasProvider(31337)).send();
      List<AaveBorrower> accounts = new ArrayList<>();
      accounts.add(AaveBorrower.supplier(Address.of("0x00000000000000000000000000000000000a11ce"),
          Map.of("USDC", units(10_000_000, 6), "WETH", units(1_000, 18))));
      for (int i = 0; i < 4; i++) {
        Address a = Address.of(String.format("0x00000000000000000000000000000000b1%06x", i));
        accounts.add(AaveBorrower.variable(a, Map.of("WETH", units(10, 18)), Map.of("USDC", units(23_500 + 100L * i, 6))));
      }
      actions.open(accounts);
      f.devnet.sendAll(actions.mint("USDC", Map.of(Address.of(KEEPER.address()), units(5_000_000, 6))), 1);

      Address weth = f.aave.asset("WETH");
      Address wethFeed = f.aave.reserve("WETH").feed();
      Credentials admin = WalletLoader.devAccount(0, 31337).credentials();
      var adminTm = VaultDeployer.transactionManager(f.chain.web3j(), admin, 31337);
      MockAggregator second =
          MockAggregator.deploy(f.chain.web3j(), adminTm, VaultDeployer.gasProvider(31337), BigInteger.valueOf(8), "WETH 2",
              BigInteger.valueOf(3_000_00000000L)).send();
      var oracle = new StrategyConfig.Oracle(null, Map.of(weth.hex(), 120L), 300L, Map.of(weth.hex(), second.getContractAddress()));
      KeeperDaemon daemon = KeeperAssembly.assemble(f.chain, aave(f, Address.of(mc.getContractAddress()), oracle), KEEPER,
          journal, KeeperListener.NONE);
      daemon.processHead(f.chain.blockNumber()); // approvals
      daemon.processHead(f.chain.blockNumber());

      // 1. WETH crashes 10%, but the round is stamped 10 minutes ago: older than WETH's 120 s heartbeat.
      long now = f.chain.latestBlock().getTimestamp().longValueExact();
      send(f.devnet, f.aave.admin(), wethFeed,
          Wrappers.at(wethFeed, MockAggregator::load).setAnswerAt(BigInteger.valueOf(2_700_00000000L), BigInteger.valueOf(now - 600)).encodeFunctionCall());
      BlockReport r = daemon.processHead(f.chain.blockNumber());
      assertThat(r.liquidatable()).hasSize(4);
      assertThat(r.sent()).isEmpty();
      assertThat(r.skipped()).allMatch(s -> s.contains("stale price feed " + wethFeed));
      assertThat(r.priceProblems()).containsOnlyKeys(weth);

      // 2. A fresh round, but the second source still says $3,000: 10% apart, bound 3%.
      f.aave.setPrice(f.devnet, "WETH", BigInteger.valueOf(2_700_00000000L));
      r = daemon.processHead(f.chain.blockNumber());
      assertThat(r.sent()).isEmpty();
      assertThat(r.skipped()).hasSize(4).allMatch(s -> s.contains("price deviation: feed " + wethFeed) && s.contains("1000 bps apart"));

      // 3. The second source agrees: every account is liquidated.
      second.setAnswer(BigInteger.valueOf(2_690_00000000L)).send();
      r = daemon.processHead(f.chain.blockNumber());
      assertThat(r.priceProblems()).isEmpty();
      assertThat(r.sent()).hasSize(4);
    }
  }

  private static StrategyConfig vault(DevnetFixture fx, StrategyConfig.Oracle oracle) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(fx.anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.ReferenceVault(fx.deployment.vault().hex(), fx.deployment.multicall().hex(), fx.deployment.deployBlock(), 1000L),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), fx.deployment.ethFeed().hex()),
        null, null, null, oracle);
  }

  private static StrategyConfig aave(AaveFixture f, Address multicall, StrategyConfig.Oracle oracle) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(f.anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.AaveV3(f.aave.provider().hex(), multicall.hex(), 0L, 5_000L, "inventory", null, false,
            f.dex.router().hex(), f.dex.weth().hex()),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), null),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), f.aave.reserve("WETH").feed().hex()),
        null, null, null, oracle);
  }

  private static void send(DevnetControl devnet, Address from, Address to, String data) {
    devnet.sendAll(List.of(new DevnetControl.DevTx(from, to, data, 200_000)), 1);
  }

  private static BigInteger pct(BigInteger v, int pct) {
    return v.multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100));
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }
}
