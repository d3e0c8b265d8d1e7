package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon, against the real vault on Anvil: discovery, liquidation, stale-price refusal. */
class KeeperEndToEndIT {
  private DevnetFixture fx;
  private VaultAbi abi;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    abi = new VaultAbi(fx.deployment.vault());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void shouldLiquidateEveryAccountACrashMakesLiquidatableWithoutReverts() {
    List<Address> accounts = Scenario.openLongs(fx, 40, 1, Scenario.health(102), Scenario.health(160));
    Signer keeper = WalletLoader.devAccount(1, 31337);
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, strategy(1), keeper, KeeperListener.NONE);
    assertThat(daemon.processHead(fx.chain.blockNumber()).liquidatable()).isEmpty();

    // ETH and BTC fall 12%: every long opened near 1.0-1.6 health goes under water.
    fx.setPrices(pct(DevnetFixture.ETH_START, 88), pct(DevnetFixture.BTC_START, 88));
    assertThat(liquidatableOnChain(accounts)).isNotEmpty();
    for (int i = 0; i < 10 && !liquidatableOnChain(accounts).isEmpty(); i++) {
      daemon.processHead(fx.chain.blockNumber()); // automine: each sent liquidation is mined at once
    }
    daemon.processHead(fx.chain.blockNumber()); // settle the last receipts

    assertThat(liquidatableOnChain(accounts)).isEmpty();
    List<Attempt> attempts = daemon.attempts();
    assertThat(attempts).isNotEmpty().allMatch(Attempt::included).noneMatch(Attempt::reverted);
    // Realized revenue equals what the local model expected, to the wei (nothing moved in between).
    for (Attempt a : attempts) assertThat(a.revenueUsdWad()).isEqualTo(a.expectedRevenueUsdWad());
    assertThat(fx.chain.balance(Address.of(keeper.address()))).isPositive();
  }

  @Test
  void shouldDiscoverAccountsFromEventsAcrossLogWindowsAndLaterBlocks() {
    List<Address> first = Scenario.openLongs(fx, 30, 2, Scenario.health(150), Scenario.health(300));
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, strategy(1), WalletLoader.devAccount(1, 31337), KeeperListener.NONE);
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
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, strategy(1000), WalletLoader.devAccount(1, 31337), KeeperListener.NONE);
    long now = fx.chain.latestBlock().getTimestamp().longValueExact();
    // A crash price published two days ago: older than the vault's one-day heartbeat.
    fx.feed(fx.deployment.ethFeed()).setAnswerAt(pct(DevnetFixture.ETH_START, 80), BigInteger.valueOf(now - 172_800)).send();
    fx.feed(fx.deployment.btcFeed()).setAnswerAt(pct(DevnetFixture.BTC_START, 80), BigInteger.valueOf(now - 172_800)).send();
    BlockReport r = daemon.processHead(fx.chain.blockNumber());
    assertThat(r.liquidatable()).isNotEmpty();
    assertThat(r.sent()).isEmpty();
    assertThat(r.skipped()).isNotEmpty().allMatch(s -> s.contains("stale price feed"));
    assertThat(liquidatableOnChain(accounts)).containsAll(r.liquidatable());
  }

  private StrategyConfig strategy(long maxLogRange) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(fx.anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.ReferenceVault(
            fx.deployment.vault().hex(), fx.deployment.multicall().hex(), fx.deployment.deployBlock(), maxLogRange),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), fx.deployment.ethFeed().hex()),
        null,
        null);
  }

  private Set<Address> liquidatableOnChain(List<Address> accounts) {
    List<CallRequest> calls = accounts.stream().map(a -> new CallRequest(fx.deployment.vault(), abi.healthFactor(a))).toList();
    var results = new Multicall(fx.chain, fx.deployment.multicall(), 250).aggregate(calls, fx.chain.blockNumber());
    Set<Address> out = new java.util.LinkedHashSet<>();
    for (int i = 0; i < accounts.size(); i++) {
      if (abi.decodeUint(results.get(i).returnData()).compareTo(Units.WAD) < 0) out.add(accounts.get(i));
    }
    return out;
  }

  private static BigInteger pct(BigInteger v, int pct) {
    return v.multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100));
  }

  @SuppressWarnings("unused")
  private static String ids(Set<Address> s) {
    return s.stream().map(Address::hex).collect(Collectors.joining(","));
  }
}
