package io.collateralkeeper.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.aave.AaveActions;
import io.collateralkeeper.devnet.aave.AaveBorrower;
import io.collateralkeeper.devnet.aave.AaveDevnet;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.TargetReport;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protect mode on the real Aave V3 deployment (npm artifacts, the devnet of {@code strategies/aave-v3-devnet.yaml}):
 * a supply of WETH on behalf of another account, a repayment of the wallet's own USDC debt, each landing at the target
 * on the Pool's own {@code getUserAccountData}; the approvals the wallet needs are sent first; and the volatility-aware
 * target reads the AaveOracle's sources.
 */
class AaveProtectIT {
  private static final Signer WALLET = WalletLoader.devAccount(2, 31337);
  private static final Address SELF = Address.of(WALLET.address());
  private static final Address OTHER = Address.of("0x00000000000000000000000000000000000b0b0b");

  private AnvilProcess anvil;
  private ChainClient chain;
  private DevnetControl devnet;
  private AaveDevnet net;
  private AaveActions actions;
  private Journal journal;
  private final RecordingAlerts alerts = new RecordingAlerts();
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    anvil = AnvilProcess.start(AnvilBinary.locate(DevnetFixture.projectDir()), AnvilOptions.devnet().withGasLimit(1_000_000_000L));
    chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30));
    devnet = new DevnetControl(chain);
    net = AaveDevnet.deploy(chain, DevnetFixture.projectDir(), WalletLoader.devAccount(1, 31337), 0);
    actions = new AaveActions(devnet, net.aave());
    journal = Journal.open(tmp.resolve("protect.db"));
  }

  @AfterEach
  void stop() {
    journal.close();
    chain.close();
    anvil.close();
  }

  @Test
  void shippedStrategyMatchesTheDevnet() {
    assertThat(net.aave().provider().hex()).isEqualTo("0xa51c1fc2f0d1a1b8494ed1fe312d7c3a78ed91c0");
    assertThat(net.aave().asset("WETH").hex()).isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    assertThat(net.aave().asset("USDC").hex()).isEqualTo("0xdc64a140aa3e981100a9beca4e685f962f0cf6c9");
    assertThat(net.aave().reserve("WETH").feed().hex()).isEqualTo("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  }

  /*
   * 10 WETH ($30,000, threshold 82.5%) against 20,000 USDC: health 24,750 / 20,000 = 1.2375, below min 1.3. Target 1.5
   * needs collateral 1.5 x 20,000 / 0.825 = $36,363.64: 2.1212 WETH more, supplied from the wallet on the account's
   * behalf.
   */
  @Test
  void suppliesCollateralOnBehalfOfAnotherAccount() {
    actions.open(List.of(AaveBorrower.variable(OTHER, Map.of("WETH", units(10, 18)), Map.of("USDC", units(20_000, 6)))));
    devnet.sendAll(actions.mint("WETH", Map.of(SELF, units(100, 18))), 1);
    BigInteger walletWeth = balance("WETH", SELF);
    ProtectDaemon protect = ProtectAssembly.assemble(chain, strategy(OTHER, "1.3", "1.5", List.of("top-up", "repay")), WALLET,
        journal, alerts, ProtectListener.NONE);

    ProtectReport first = protect.processHead(chain.blockNumber()); // approvals, then the supply (automine)
    assertThat(first.sent()).singleElement().satisfies(s -> {
      assertThat(s.option().kind()).isEqualTo(ActionKind.TOP_UP);
      assertThat(s.option().token()).contains(net.aave().asset("WETH"));
      assertThat(new BigDecimal(s.option().amount(), 18).doubleValue()).isCloseTo(2.1212, within(0.0001));
    });
    ProtectReport second = protect.processHead(headWith(first)); // Anvil may answer the send before mining it

    BigInteger amount = first.sent().getFirst().option().amount();
    assertThat(walletWeth.subtract(balance("WETH", SELF))).isEqualTo(amount);
    assertThat(second.landings()).singleElement().satisfies(l -> {
      assertThat(l.ok()).isTrue();
      assertThat(l.actualSpend()).isEqualTo(amount);
      assertThat(l.landedHealth().orElseThrow()).isGreaterThanOrEqualTo(wad("1.5"));
    });
    assertThat(healthOnChain(OTHER)).isBetween(wad("1.5"), wad("1.5001"));
    assertThat(second.sent()).isEmpty();
    assertThat(alerts.alerts).isEmpty();
  }

  /*
   * The wallet's own account: 10 WETH against 22,000 USDC, health 24,750 / 22,000 = 1.125 < 1.2. Target 1.4 needs debt
   * <= 24,750 / 1.4 = 17,678.57 USDC: 4,321.43 USDC repaid from the borrowed USDC in the wallet.
   */
  @Test
  void repaysTheWalletsOwnDebt() {
    actions.open(List.of(AaveBorrower.variable(SELF, Map.of("WETH", units(10, 18)), Map.of("USDC", units(22_000, 6)))));
    BigInteger walletUsdc = balance("USDC", SELF);
    ProtectDaemon protect = ProtectAssembly.assemble(chain, strategy(SELF, "1.2", "1.4", List.of("repay")), WALLET, journal,
        alerts, ProtectListener.NONE);

    ProtectReport first = protect.processHead(chain.blockNumber());
    assertThat(first.sent()).singleElement().satisfies(s -> {
      assertThat(s.option().kind()).isEqualTo(ActionKind.REPAY);
      assertThat(new BigDecimal(s.option().amount(), 6).doubleValue()).isCloseTo(4_321.43, within(0.01));
    });
    ProtectReport second = protect.processHead(headWith(first)); // Anvil may answer the send before mining it

    assertThat(walletUsdc.subtract(balance("USDC", SELF))).isEqualTo(first.sent().getFirst().option().amount());
    assertThat(second.landings()).singleElement().satisfies(l -> assertThat(l.ok()).isTrue());
    assertThat(healthOnChain(SELF)).isBetween(wad("1.4"), wad("1.4001"));
    assertThat(alerts.alerts).isEmpty();
  }

  @Test
  void autoTargetReadsTheOracleSourcesAndWeighsCollateralByItsThreshold() {
    actions.open(List.of(AaveBorrower.variable(OTHER, Map.of("WETH", units(10, 18)), Map.of("USDC", units(20_000, 6)))));
    publishWethHistory();
    ProtectExplainer explainer = ProtectAssembly.explainer(chain, strategy(OTHER, "1.1", "auto", List.of("top-up", "repay")),
        SELF, Optional.of(journal));

    AccountStatus st = explainer.assess(chain.blockNumber()).getFirst();

    TargetReport r = st.auto().orElseThrow();
    Address wethFeed = net.aave().reserve("WETH").feed();
    Address usdcFeed = net.aave().reserve("USDC").feed();
    assertThat(r.feeds()).containsExactlyInAnyOrder(wethFeed, usdcFeed);
    // dS/dln(p): WETH collateral at its threshold, 30,000 x 0.825; USDC debt at minus floor x value
    assertThat(r.deltasUsd()[r.feeds().indexOf(wethFeed)]).isCloseTo(24_750, within(0.01));
    assertThat(r.deltasUsd()[r.feeds().indexOf(usdcFeed)]).isCloseTo(-20_000, within(0.01));
    assertThat(r.volatilities()[r.feeds().indexOf(wethFeed)]).isCloseTo(0.05, within(0.002));
    assertThat(new BigDecimal(r.denominatorUsdWad(), 18).doubleValue()).isCloseTo(20_000, within(0.01));
    double expected = 1 + r.risk().valueAtRiskUsd() / 20_000;
    assertThat(new BigDecimal(r.targetWad(), 18).doubleValue()).isCloseTo(expected, within(1e-9));
    assertThat(st.band().orElseThrow().target()).isEqualTo(r.targetWad().max(wad("1.1")));
  }

  // ------------------------------------------------------------------ helpers

  /** 40 hourly WETH rounds alternating +5% / -5%, ending at $3,000 now. */
  private void publishWethHistory() {
    long now = chain.latestBlock().getTimestamp().longValueExact();
    Address feed = net.aave().reserve("WETH").feed();
    List<BigInteger> prices = new ArrayList<>();
    BigInteger p = BigInteger.valueOf(3_000_00000000L);
    for (int i = 0; i < 40; i++) {
      prices.add(0, p);
      p = p.multiply(BigInteger.valueOf(i % 2 == 0 ? 105 : 95)).divide(BigInteger.valueOf(100));
    }
    List<DevnetControl.DevTx> txs = new ArrayList<>();
    for (int i = 0; i < prices.size(); i++) {
      BigInteger at = BigInteger.valueOf(now - 3_600L * (prices.size() - 1 - i));
      String data = Wrappers.at(feed, MockAggregator::load).setAnswerAt(prices.get(i), at).encodeFunctionCall();
      txs.add(new DevnetControl.DevTx(net.aave().admin(), feed, data, 200_000));
    }
    devnet.sendAll(txs, 100);
  }

  private StrategyConfig strategy(Address account, String min, String target, List<String> order) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.AaveV3(net.aave().provider().hex(), net.multicall().hex(), 1L, 5_000L, null, null, null, null, null),
        null, null,
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), net.aave().reserve("WETH").feed().hex()),
        null, null,
        new StrategyConfig.Protect(
            List.of(new StrategyConfig.ProtectAccount(account.hex(), new BigDecimal(min), target, null)),
            order,
            List.of(new StrategyConfig.ProtectAsset(net.aave().asset("WETH").hex(), null, null, null),
                new StrategyConfig.ProtectAsset(net.aave().asset("USDC").hex(), null, null, null)),
            null, null, null));
  }

  private BigInteger healthOnChain(Address user) {
    Pool pool = Wrappers.at(net.aave().pool(), Pool::load);
    var r = Wrappers.read(chain, net.aave().pool(), pool.getUserAccountData(user.hex()), chain.blockNumber());
    return (BigInteger) r.get(5).getValue();
  }

  private BigInteger balance(String symbol, Address owner) {
    Address token = net.aave().asset(symbol);
    var erc20 = Wrappers.at(token, IERC20Detailed::load);
    return (BigInteger) Wrappers.read(chain, token, erc20.balanceOf(owner.hex()), chain.blockNumber()).get(0).getValue();
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }

  private static BigInteger wad(String v) {
    return new BigDecimal(v).movePointRight(18).toBigIntegerExact();
  }

  /** The head once every transaction {@code report} sent has a receipt. */
  private long headWith(ProtectReport report) {
    for (var sent : report.sent()) {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> chain.receipt(sent.txHash()).isPresent());
    }
    return chain.blockNumber();
  }
}
