package io.collateralkeeper.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.devnet.Asset;
import io.collateralkeeper.devnet.CrashPath;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.PricePoint;
import io.collateralkeeper.devnet.SeedAccount;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.devnet.VaultSeeder;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protect mode on the reference vault against the real 2024-08-05 crash path: the protected account (the wallet's own,
 * Anvil dev account 2) and its unprotected twin hold the same 10 ETH long at health 5, band 4.5 / 5.0; the liquidator
 * (dev account 1) runs alongside. The twin is liquidated; the protected account never is, every action lands at its
 * target, and the 2,000 USDC daily limit stops the top-ups (with an alert) while reductions keep it safe.
 */
class VaultProtectIT {
  private static final Signer WALLET = WalletLoader.devAccount(2, 31337);
  private static final Signer LIQUIDATOR = WalletLoader.devAccount(1, 31337);
  private static final Address PROTECTED = Address.of(WALLET.address());
  private static final Address TWIN = Address.of("0x00000000000000000000000000000000000070f1");
  private static final BigInteger TEN_ETH = Units.WAD.multiply(BigInteger.TEN);

  private DevnetFixture fx;
  private VaultDeployment d;
  private Journal protectJournal;
  private Journal keeperJournal;
  private final RecordingAlerts alerts = new RecordingAlerts();
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    d = fx.deployment;
    protectJournal = Journal.open(tmp.resolve("protect.db"));
    keeperJournal = Journal.open(tmp.resolve("keeper.db"));
  }

  @AfterEach
  void stop() {
    protectJournal.close();
    keeperJournal.close();
    fx.close();
  }

  @Test
  void protectedAccountSurvivesTheCrashItsTwinIsLiquidatedAndTheDailyLimitHolds() {
    CrashPath path = CrashPath.load();
    BigInteger eth0 = path.startPrice(Asset.ETH);
    fx.setPrices(eth0, path.startPrice(Asset.BTC));
    // 10 ETH long at ~$2,962 (maintenance $1,481): $7,406 of equity is health 5, i.e. 7,557.1 USDC at a 2% haircut
    BigInteger usdc = BigInteger.valueOf(7_557_200_000L);
    openLong(List.of(PROTECTED, TWIN), usdc);
    mintUsdc(PROTECTED, BigInteger.valueOf(20_000_000_000L));
    BigInteger walletBefore = usdcBalance(PROTECTED);

    BigDecimal perDay = new BigDecimal("2000");
    ProtectDaemon protect = ProtectAssembly.assemble(fx.chain,
        strategy("4.5", "5.0", null, null, perDay, List.of("top-up", "reduce")), WALLET,
        protectJournal, alerts, ProtectListener.NONE);
    KeeperDaemon keeper = KeeperAssembly.assemble(fx.chain, liquidatorStrategy(), LIQUIDATOR, keeperJournal, KeeperListener.NONE);

    List<ProtectReport> reports = new ArrayList<>();
    BigInteger lowestProtected = Units.MAX_UINT256;
    BigInteger lowestTwin = Units.MAX_UINT256;
    fx.devnet.setAutomine(false);
    for (PricePoint p : path.points()) {
      sendFeeds(p.eth(), p.btc());
      fx.devnet.mine();
      long head = fx.chain.blockNumber();
      lowestProtected = lowestProtected.min(healthOnChain(PROTECTED, head));
      lowestTwin = lowestTwin.min(healthOnChain(TWIN, head));
      reports.add(protect.processHead(head));
      keeper.processHead(head);
    }
    for (int i = 0; i < 3; i++) {
      fx.devnet.mine();
      long head = fx.chain.blockNumber();
      lowestProtected = lowestProtected.min(healthOnChain(PROTECTED, head));
      reports.add(protect.processHead(head));
      keeper.processHead(head);
    }
    fx.devnet.setAutomine(true);

    // the twin went under water and the liquidator took it; the protected account never fell below 1
    assertThat(lowestTwin).isLessThan(Units.WAD);
    assertThat(keeper.attempts()).anyMatch(a -> a.account().equals(TWIN) && a.success());
    assertThat(keeper.attempts()).noneMatch(a -> a.account().equals(PROTECTED));
    assertThat(lowestProtected).as("lowest protected health").isGreaterThanOrEqualTo(Units.WAD);

    // every action landed at or above its plan (the target unless knowingly short), without overspending
    List<Landing> landings = reports.stream().flatMap(r -> r.landings().stream()).toList();
    List<SentAction> sent = reports.stream().flatMap(r -> r.sent().stream()).toList();
    assertThat(sent).extracting(s -> s.option().kind()).contains(ActionKind.TOP_UP, ActionKind.REDUCE);
    assertThat(landings).hasSameSizeAs(sent).allMatch(Landing::success).allMatch(Landing::ok);
    for (Landing l : landings) {
      assertThat(l.landedHealth().orElseThrow()).isGreaterThanOrEqualTo(l.plannedHealth().orElseThrow());
      assertThat(l.actualSpend()).isEqualTo(l.plannedSpend());
    }
    for (SentAction s : sent) {
      assertThat(s.option().healthAfter()).isGreaterThanOrEqualTo(s.targetWad());
      // within the band: the least amount reaching the target, so at most a hair above it
      assertThat(s.option().healthAfter()).isLessThan(new BigInteger("5010000000000000000"));
    }

    // the daily limit: top-ups stopped at 2,000 USDC, and the cap was alerted
    BigInteger spent = landings.stream().map(Landing::actualSpend).reduce(BigInteger.ZERO, BigInteger::add);
    System.err.printf("protect over the crash: %d top-ups, %d reductions, %s USDC spent, lowest health %s (twin %s), alerts %s%n",
        sent.stream().filter(s -> s.option().kind() == ActionKind.TOP_UP).count(),
        sent.stream().filter(s -> s.option().kind() == ActionKind.REDUCE).count(),
        new BigDecimal(spent, 6), Units.formatHealth(lowestProtected), Units.formatHealth(lowestTwin), alerts.codes());
    assertThat(spent).isPositive().isLessThanOrEqualTo(BigInteger.valueOf(2_000_000_000L));
    assertThat(walletBefore.subtract(usdcBalance(PROTECTED))).isEqualTo(spent);
    assertThat(alerts.codes()).contains(ProtectAlert.LIMIT_REACHED).doesNotContain(ProtectAlert.LIQUIDATABLE,
        ProtectAlert.CANNOT_ACT, ProtectAlert.REVERTED, ProtectAlert.OVERSPENT, ProtectAlert.LANDED_SHORT);
    assertThat(alerts.alerts).filteredOn(a -> a.code().equals(ProtectAlert.LIMIT_REACHED))
        .anyMatch(a -> a.message().contains("by max-per-day"));
  }

  @Test
  void withdrawsSurplusAboveMaxDownToTheTarget() {
    fx.setPrices(DevnetFixture.ETH_START, DevnetFixture.BTC_START);
    // 10 ETH at $3,000: maintenance $1,500; 15,306.2 USDC is $15,000 of equity, health 10
    openLong(List.of(PROTECTED), BigInteger.valueOf(15_306_200_000L));
    BigInteger before = usdcBalance(PROTECTED);
    ProtectDaemon protect = ProtectAssembly.assemble(fx.chain,
        strategy("2", "3", new BigDecimal("6"), null, null, List.of("top-up", "reduce")), WALLET, protectJournal, alerts,
        ProtectListener.NONE);

    ProtectReport r = protect.processHead(fx.chain.blockNumber()); // automine: mined at once
    assertThat(r.sent()).singleElement().satisfies(s -> assertThat(s.option().kind()).isEqualTo(ActionKind.WITHDRAW));
    ProtectReport next = protect.processHead(headWith(r)); // Anvil may answer the send before mining it

    Landing l = next.landings().getFirst();
    assertThat(l.ok()).isTrue();
    BigInteger health = healthOnChain(PROTECTED, fx.chain.blockNumber());
    assertThat(health).isBetween(Units.WAD.multiply(BigInteger.valueOf(3)), new BigInteger("3001000000000000000"));
    assertThat(usdcBalance(PROTECTED).subtract(before)).isEqualTo(r.sent().getFirst().option().amount());
    assertThat(next.accounts().getFirst().decision()).isInstanceOf(io.collateralkeeper.strategy.protect.ProtectDecision.Hold.class);
  }

  @Test
  void cannotActWhenTheWalletIsEmptyAndSaysSo() {
    fx.setPrices(DevnetFixture.ETH_START, DevnetFixture.BTC_START);
    openLong(List.of(PROTECTED), BigInteger.valueOf(7_653_100_000L)); // health 5 at $3,000
    ProtectDaemon protect = ProtectAssembly.assemble(fx.chain,
        strategy("4.5", "5", null, null, null, List.of("top-up")), WALLET, protectJournal, alerts, ProtectListener.NONE);
    protect.processHead(fx.chain.blockNumber());

    // -5%: equity $7,500 - $1,500 = $6,000 over maintenance $1,425 is health 4.21, below min 4.5
    fx.setPrices(DevnetFixture.ETH_START.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)), DevnetFixture.BTC_START);
    ProtectReport r = protect.processHead(fx.chain.blockNumber());

    assertThat(r.sent()).isEmpty();
    assertThat(r.alerts()).anySatisfy(a -> {
      assertThat(a.code()).isEqualTo(ProtectAlert.CANNOT_ACT);
      assertThat(a.severity()).isEqualTo(ProtectAlert.Severity.CRITICAL);
      assertThat(a.message()).contains("below min 4.5000").contains("USDC spendable 0");
    });
  }

  @Test
  void aRestartNeverSendsTheSameProtectionTwice() {
    fx.setPrices(DevnetFixture.ETH_START, DevnetFixture.BTC_START);
    openLong(List.of(PROTECTED), BigInteger.valueOf(7_653_100_000L)); // health 5 at $3,000
    mintUsdc(PROTECTED, BigInteger.valueOf(5_000_000_000L));
    StrategyConfig config = strategy("4.5", "5", null, null, null, List.of("top-up"));
    ProtectDaemon first = ProtectAssembly.assemble(fx.chain, config, WALLET, protectJournal, alerts, ProtectListener.NONE);
    first.processHead(fx.chain.blockNumber());
    BigInteger nonce = fx.chain.latestNonce(PROTECTED);

    fx.devnet.setAutomine(false);
    sendFeeds(DevnetFixture.ETH_START.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)), DevnetFixture.BTC_START);
    fx.devnet.mine();
    assertThat(first.processHead(fx.chain.blockNumber()).sent()).hasSize(1); // pending: not mined yet

    // "crash": a new daemon on the same journal, the top-up still in the mempool
    ProtectDaemon second = ProtectAssembly.assemble(fx.chain, config, WALLET, protectJournal, alerts, ProtectListener.NONE);
    assertThat(second.processHead(fx.chain.blockNumber()).sent()).isEmpty();
    fx.devnet.mine();
    ProtectReport after = second.processHead(fx.chain.blockNumber());
    fx.devnet.setAutomine(true);

    assertThat(after.sent()).isEmpty();
    assertThat(after.landings()).singleElement().satisfies(l -> {
      assertThat(l.ok()).isTrue();
      assertThat(l.plannedHealth()).isEmpty(); // the plan died with the first process: spend and min are checked
      assertThat(l.actualSpend()).isEqualTo(l.plannedSpend());
    });
    assertThat(fx.chain.latestNonce(PROTECTED)).isEqualTo(nonce.add(BigInteger.ONE));
    assertThat(healthOnChain(PROTECTED, fx.chain.blockNumber())).isGreaterThanOrEqualTo(Units.WAD.multiply(BigInteger.valueOf(5)));
  }

  @Test
  void aProtectionIncludedAfterTheBlockItsStateWasReadAtIsNotRepeated() {
    fx.setPrices(DevnetFixture.ETH_START, DevnetFixture.BTC_START);
    openLong(List.of(PROTECTED), BigInteger.valueOf(7_653_100_000L)); // health 5 at $3,000
    mintUsdc(PROTECTED, BigInteger.valueOf(5_000_000_000L));
    ProtectDaemon protect = ProtectAssembly.assemble(fx.chain, strategy("4.5", "5", null, null, null, List.of("top-up")),
        WALLET, protectJournal, alerts, ProtectListener.NONE);
    protect.processHead(fx.chain.blockNumber());
    fx.devnet.setAutomine(false);
    sendFeeds(DevnetFixture.ETH_START.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)), DevnetFixture.BTC_START);
    fx.devnet.mine();
    long head = fx.chain.blockNumber();
    assertThat(protect.processHead(head).sent()).hasSize(1);
    BigInteger nonce = fx.chain.latestNonce(PROTECTED);

    // the top-up lands in the next block while the daemon still works from the older head: it sees the account's old
    // state (below min) but its transaction settled; it must not send the top-up again
    fx.devnet.mine();
    ProtectReport again = protect.processHead(head);
    assertThat(again.sent()).isEmpty();
    ProtectReport next = protect.processHead(fx.chain.blockNumber());
    fx.devnet.setAutomine(true);

    assertThat(next.sent()).isEmpty();
    assertThat(next.landings()).singleElement().satisfies(l -> assertThat(l.ok()).isTrue());
    assertThat(fx.chain.latestNonce(PROTECTED)).isEqualTo(nonce.add(BigInteger.ONE));
  }

  // ------------------------------------------------------------------ helpers

  private void openLong(List<Address> accounts, BigInteger usdc) {
    List<SeedAccount> seeds = new ArrayList<>();
    for (Address a : accounts) seeds.add(new SeedAccount(a, List.of(usdc, BigInteger.ZERO, BigInteger.ZERO), List.of(TEN_ETH, BigInteger.ZERO)));
    new VaultSeeder(fx.devnet, d, Address.of(fx.deployer.getAddress())).open(seeds);
  }

  private void mintUsdc(Address to, BigInteger amount) {
    String data = Wrappers.at(d.usdc(), TestToken::load).mint(to.hex(), amount).encodeFunctionCall();
    fx.devnet.sendAll(List.of(new DevnetControl.DevTx(Address.of(fx.deployer.getAddress()), d.usdc(), data, 200_000)), 1);
  }

  private BigInteger usdcBalance(Address owner) {
    TestToken t = Wrappers.at(d.usdc(), TestToken::load);
    return (BigInteger) Wrappers.read(fx.chain, d.usdc(), t.balanceOf(owner.hex()), fx.chain.blockNumber()).get(0).getValue();
  }

  private BigInteger healthOnChain(Address account, long block) {
    return new io.collateralkeeper.protocol.vault.VaultAbi(d.vault())
        .decodeUint(fx.chain.call(new io.collateralkeeper.chain.CallRequest(d.vault(),
            new io.collateralkeeper.protocol.vault.VaultAbi(d.vault()).healthFactor(account)), block));
  }

  /** Feed updates queued with a zero tip: keeper transactions in the same block go first. */
  private void sendFeeds(BigInteger eth, BigInteger btc) {
    Address owner = Address.of(fx.deployer.getAddress());
    fx.devnet.sendUnmined(List.of(
        new DevnetControl.DevTx(owner, d.ethFeed(), Wrappers.at(d.ethFeed(), MockAggregator::load).setAnswer(eth).encodeFunctionCall(), 200_000),
        new DevnetControl.DevTx(owner, d.btcFeed(), Wrappers.at(d.btcFeed(), MockAggregator::load).setAnswer(btc).encodeFunctionCall(), 200_000)));
  }

  private StrategyConfig strategy(
      String min, String target, BigDecimal max, BigDecimal perAction, BigDecimal perDay, List<String> actions) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(fx.anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.ReferenceVault(d.vault().hex(), d.multicall().hex(), d.deployBlock(), 5_000L),
        null, null,
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), d.ethFeed().hex()),
        null, null,
        new StrategyConfig.Protect(
            List.of(new StrategyConfig.ProtectAccount(PROTECTED.hex(), new BigDecimal(min), target, max)),
            actions,
            List.of(new StrategyConfig.ProtectAsset(d.usdc().hex(), perAction, perDay, new BigDecimal("100"))),
            null, new BigDecimal("0.01"), null));
  }

  private StrategyConfig liquidatorStrategy() {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(fx.anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.ReferenceVault(d.vault().hex(), d.multicall().hex(), d.deployBlock(), 5_000L),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), d.ethFeed().hex()),
        null, null);
  }

  /** The head once every transaction {@code report} sent has a receipt. */
  private long headWith(ProtectReport report) {
    for (var sent : report.sent()) {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
          .until(() -> fx.chain.receipt(sent.txHash()).isPresent());
    }
    return fx.chain.blockNumber();
  }
}
