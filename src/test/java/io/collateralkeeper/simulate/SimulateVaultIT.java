package io.collateralkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.devnet.DelayingRpcProxy;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.protocol.vault.VaultAbi;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code keeper simulate} against a local upstream Anvil running the reference vault, reached through a proxy that
 * records every request: the fork sees the upstream as it was at the fork block, the shocked prices make accounts
 * liquidatable, the keeper (impersonated, no key) liquidates them on the fork with the realized profit within the gas
 * estimate of the expected one, and the upstream receives no transaction and is left exactly as it was.
 */
class SimulateVaultIT {
  private DevnetFixture upstream;
  private DelayingRpcProxy proxy;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void start() {
    upstream = DevnetFixture.start();
    proxy = new DelayingRpcProxy(upstream.anvil.rpcUrl(), "none", Duration.ZERO);
  }

  @AfterEach
  void stop() {
    if (proxy != null) proxy.close();
    if (upstream != null) upstream.close();
  }

  @Test
  void shouldLiquidateOnTheForkWhatTheShockExposesAndLeaveTheUpstreamUntouched() {
    List<Address> early = Scenario.openLongs(upstream, 12, 11, Scenario.health(104), Scenario.health(110));
    long forkBlock = upstream.chain.blockNumber();
    List<Address> late = new ArrayList<>(Scenario.openLongs(upstream, 8, 12, Scenario.health(104), Scenario.health(110)));
    late.removeAll(early);
    assertThat(late).isNotEmpty();
    Snapshot before = snapshot(early, late);

    SimulationReport r = simulate(forkBlock, 4, List.of(Shock.parse("ETH=-12%"), Shock.parse("BTC=-12%")));
    System.out.print(SimulationText.render(r));

    // The fork started at the fork block: it knows only the early accounts, and it liquidated every one of them.
    assertThat(r.forkBlock()).isEqualTo(forkBlock);
    assertThat(r.keeper()).isEqualTo(KeeperAddress.DEFAULT);
    Set<Address> acted = new HashSet<>();
    for (Opportunity o : r.opportunities()) acted.add(o.account());
    assertThat(early).containsAll(acted);
    assertThat(acted).isNotEmpty().doesNotContainAnyElementsOf(late);
    List<Opportunity> won = r.opportunities().stream().filter(o -> o.status() == Opportunity.Status.WON).toList();
    assertThat(won).extracting(Opportunity::account).containsAll(acted);
    assertThat(r.count(Opportunity.Status.REVERTED)).isZero();
    assertThat(r.count(Opportunity.Status.PENDING)).isZero();
    for (Opportunity o : won) {
      assertThat(o.gasUsed()).isPositive();
      assertThat(o.revenueUsdWad()).isPositive();
      assertThat(o.withinGasEstimate())
          .as("realized %s vs expected %s (gas estimate %s)", o.realizedProfitUsdWad(), o.expectedProfitUsdWad(), o.expectedGasUsdWad())
          .isTrue();
    }
    assertThat(r.earnedUsdWad()).isPositive();
    assertThat(r.lostToRevertsUsdWad()).isZero();
    // Balance changes agree with the receipts: ether spent = gas, collateral received = fees paid.
    assertThat(r.balances().nativeSpentWei()).isPositive().isEqualTo(r.balances().journaledGasWei());
    assertThat(r.balances().tokens()).isNotEmpty();
    assertThat(r.balances().tokenValueChangeUsdWad().subtract(r.balances().receiptRevenueUsdWad()).abs())
        .isLessThanOrEqualTo(BigInteger.valueOf(10L * won.size()));
    assertThat(r.balances().consistent()).isTrue();
    assertThat(r.shocks()).hasSize(2).allSatisfy(s -> assertThat(s.after()).isEqualTo(
        s.before().multiply(BigInteger.valueOf(88)).divide(BigInteger.valueOf(100))));
    assertThat(r.verdict()).startsWith("would have earned $").contains(", lost $0.00 to reverts");

    // Nothing but reads reached the upstream, and it is exactly as it was.
    assertThat(proxy.requests()).isNotEmpty().noneMatch(SimulateVaultIT::writes);
    assertThat(snapshot(early, late)).isEqualTo(before);
  }

  @Test
  void shouldRefuseAShockOfAnUnknownAssetNamingTheKnownOnes() {
    Scenario.openLongs(upstream, 2, 5, Scenario.health(150), Scenario.health(160));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> simulate(null, 1, List.of(Shock.parse("DOGE=-50%"))))
        .isInstanceOf(io.collateralkeeper.KeeperException.class)
        .hasMessageContaining("unknown asset DOGE")
        .hasMessageContaining("ETH-PERP")
        .hasMessageContaining("WETH");
    assertThat(proxy.requests()).noneMatch(SimulateVaultIT::writes);
  }

  static boolean writes(String body) {
    return body.contains("eth_sendRawTransaction") || body.contains("eth_sendTransaction")
        || body.contains("\"anvil_") || body.contains("\"evm_") || body.contains("\"hardhat_");
  }

  private SimulationReport simulate(Long forkBlock, int blocks, List<Shock> shocks) {
    SimulationOptions o =
        new SimulationOptions(strategy(), proxy.url(), forkBlock, blocks, shocks, KeeperAddress.DEFAULT,
            BigInteger.TEN.pow(19), 12, null);
    return new ForkSimulation(SimulationRuntime.anvil(), progress::add).run(o);
  }

  private StrategyConfig strategy() {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of("http://127.0.0.1:1"), 31337L, 20L, 30_000L),
        new StrategyConfig.ReferenceVault(
            upstream.deployment.vault().hex(), upstream.deployment.multicall().hex(), upstream.deployment.deployBlock(), 1000L),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), upstream.deployment.ethFeed().hex()),
        null,
        null);
  }

  /** What the simulation must not change upstream: head, keeper balance and nonce, accounts, feeds. */
  private record Snapshot(long head, BigInteger keeperWei, BigInteger keeperNonce, List<String> accounts, List<String> feeds) {}

  private Snapshot snapshot(List<Address> early, List<Address> late) {
    long head = upstream.chain.blockNumber();
    VaultAbi abi = new VaultAbi(upstream.deployment.vault());
    List<CallRequest> calls = new ArrayList<>();
    for (Address a : early) calls.add(new CallRequest(upstream.deployment.vault(), abi.getAccount(a)));
    for (Address a : late) calls.add(new CallRequest(upstream.deployment.vault(), abi.getAccount(a)));
    List<CallRequest> feeds = List.of(
        new CallRequest(upstream.deployment.ethFeed(), FeedAbi.latestRoundData()),
        new CallRequest(upstream.deployment.btcFeed(), FeedAbi.latestRoundData()));
    return new Snapshot(head, upstream.chain.balance(KeeperAddress.DEFAULT), upstream.chain.latestNonce(KeeperAddress.DEFAULT),
        upstream.chain.callBatch(calls, head), upstream.chain.callBatch(feeds, head));
  }
}
