package io.collateralkeeper.protocol.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallRevertedException;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.contracts.aave.PoolConfigurator;
import io.collateralkeeper.devnet.DevnetControl.DevTx;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.aave.AaveActions;
import io.collateralkeeper.devnet.aave.AaveBorrower;
import io.collateralkeeper.devnet.aave.AaveFixture;
import io.collateralkeeper.devnet.aave.AaveMarketSpec;
import io.collateralkeeper.devnet.aave.EModeSpec;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveLiquidationMath;
import io.collateralkeeper.risk.aave.AaveLiquidationResult;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.UserReserve;
import io.collateralkeeper.risk.aave.fast.AaveMarketView;
import io.collateralkeeper.risk.aave.fast.AccountResult;
import io.collateralkeeper.risk.aave.fast.CompactPosition;
import io.collateralkeeper.risk.aave.fast.FastAaveMath;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Local Aave math against the real Aave V3.0.2 Pool on Anvil: for 600 random positions (cross-collateral, e-mode,
 * isolated, stable-rate) under price scenarios and months of interest accrual, {@link AaveMath#accountData} read
 * through {@link AaveReader} equals {@code Pool.getUserAccountData} at the same block to the wei, field for field;
 * and so does {@link FastAaveMath} (the per-block long-limb path, every position on it); and
 * {@link AaveLiquidationMath#liquidationCall} predicts what real {@code liquidationCall}s move, to the wei.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AaveParityIT {
  private static final int ACCOUNTS = 600;
  private static final long DAY = 86_400;
  private static final Address LP = Address.of("0x00000000000000000000000000000000000a11ce");
  private static final Address LIQUIDATOR = Address.of("0x0000000000000000000000000000000000001140");
  private static final List<String> SYMBOLS = List.of("WETH", "WBTC", "USDC", "DAI", "USDT", "LINK");
  private static final AaveMarketSpec SPEC = AaveMarketSpec.mainnetLike();
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private static AaveFixture f;
  private static AaveActions actions;
  private static AaveReader reader;
  private static AaveChainProbe probe;
  private static final List<Address> users = new ArrayList<>();

  @BeforeAll
  static void openPositions() throws Exception {
    f = AaveFixture.start();
    actions = new AaveActions(f.devnet, f.aave);
    var deployer = WalletLoader.devAccount(1, 31337).credentials();
    var tm = VaultDeployer.transactionManager(f.chain.web3j(), deployer, 31337);
    Multicall3 mc = Multicall3.deploy(f.chain.web3j(), tm, VaultDeployer.gasProvider(31337)).send();
    Multicall multicall = new Multicall(f.chain, Address.of(mc.getContractAddress()), 250);
    reader = new AaveReader(f.chain, multicall, f.aave.provider());
    probe = new AaveChainProbe(f.chain, multicall, f.aave.pool());

    List<AaveBorrower> borrowers = new ArrayList<>();
    borrowers.add(
        AaveBorrower.supplier(
            LP,
            Map.of(
                "WETH", units(10_000, 18), "WBTC", units(500, 8), "USDC", units(30_000_000, 6),
                "DAI", units(30_000_000, 18), "USDT", units(30_000_000, 6), "LINK", units(2_000_000, 18))));
    for (var a : new RandomAaveAccounts(SPEC, 20240805L).generate(ACCOUNTS)) borrowers.add(a.borrower());
    actions.open(borrowers);
    borrowers.forEach(b -> users.add(b.account()));
  }

  @AfterAll
  static void stop() {
    if (f != null) f.close();
  }

  /**
   * A market state to compare in: time passes, a small supply touches some reserves (so stored indexes have
   * different ages), prices move (percent of the spec's), and optionally the e-mode category gets a price source.
   */
  private record Scenario(
      String name, long seconds, List<String> touched, Map<String, Integer> pricePercent, String eModePriceSource) {}

  @Test
  @Order(1)
  void localAccountDataEqualsGetUserAccountDataToTheWeiForEveryPosition() {
    List<Scenario> scenarios =
        List.of(
            new Scenario("just opened", 0, List.of(), Map.of(), null),
            new Scenario(
                "30 days of interest, WETH and USDC touched", 30 * DAY, List.of("WETH", "USDC"), Map.of(), null),
            new Scenario("a dip", 3_600, List.of(), Map.of("WETH", 85, "WBTC", 90, "LINK", 80), null),
            new Scenario(
                "a crash with a stablecoin wobble", 600, List.of("DAI"),
                Map.of("WETH", 62, "WBTC", 67, "LINK", 55, "DAI", 98, "USDC", 101, "USDT", 103), null),
            new Scenario(
                "a year later, half recovered", 365 * DAY, List.of("WBTC", "USDT"),
                Map.of("WETH", 80, "WBTC", 84, "LINK", 75, "DAI", 100, "USDC", 100, "USDT", 100), null),
            new Scenario(
                "the stablecoin category priced by the USDC feed, DAI depegs", 7 * DAY, List.of(),
                Map.of("DAI", 96, "USDC", 99, "USDT", 101), "USDC"));
    int mostLiquidatable = 0;
    for (Scenario s : scenarios) {
      apply(s);
      long block = f.chain.blockNumber();
      AaveSnapshot snap = reader.read(users, block);
      Map<Address, AaveAccountData> pool = probe.accountData(users, block);
      List<String> mismatches = new ArrayList<>();
      int liquidatable = 0;
      AaveMarketView view = AaveMarketView.of(snap.market());
      FastAaveMath fastMath = new FastAaveMath();
      AccountResult fast = new AccountResult();
      int fastPath = 0;
      for (AavePosition p : snap.positions().values()) {
        AaveAccountData local = AaveMath.accountData(p, snap.market());
        AaveAccountData onChain = pool.get(p.user());
        if (!sameAsPool(local, onChain)) mismatches.add(p.user() + ": " + local + " vs " + onChain);
        fastMath.evaluate(CompactPosition.of(p), view, fast);
        if (fast.fastPath()) fastPath++;
        if (!sameAsPool(fast.toAccountData(), onChain)) {
          mismatches.add(p.user() + " (fast): " + fast.toAccountData() + " vs " + onChain);
        }
        if (onChain.liquidatable()) liquidatable++;
      }
      assertThat(snap.positions()).hasSize(ACCOUNTS + 1);
      assertThat(fastPath).as("positions on FastAaveMath's long path").isEqualTo(ACCOUNTS + 1);
      assertThat(mismatches)
          .as("'%s': %d positions differ from the Pool, e.g. %s",
              s.name(), mismatches.size(), mismatches.stream().limit(3).toList())
          .hasSize(0);
      System.out.printf(
          "scenario '%s': %d positions equal to the wei, %d liquidatable%n", s.name(), users.size(), liquidatable);
      mostLiquidatable = Math.max(mostLiquidatable, liquidatable);
      if (s.seconds() >= 30 * DAY) assertIndexesAccrueAtReadTime(snap);
      if (s.eModePriceSource() != null) {
        assertThat(snap.market().eMode(AaveMarketSpec.STABLECOINS).hasPriceSource()).isTrue();
      }
    }
    assertVariety(reader.read(users, f.chain.blockNumber()));
    assertThat(mostLiquidatable).as("liquidatable positions in the crash").isGreaterThan(100);
  }

  /** Every field {@code getUserAccountData} returns. */
  private static boolean sameAsPool(AaveAccountData local, AaveAccountData pool) {
    return local.totalCollateralBase().equals(pool.totalCollateralBase())
        && local.totalDebtBase().equals(pool.totalDebtBase())
        && local.availableBorrowsBase().equals(pool.availableBorrowsBase())
        && local.currentLiquidationThreshold().equals(pool.currentLiquidationThreshold())
        && local.ltv().equals(pool.ltv())
        && local.healthFactor().equals(pool.healthFactor());
  }

  /** Some reserve's stored borrow index was stale at the read, so the local accrual path was compared. */
  private static void assertIndexesAccrueAtReadTime(AaveSnapshot snap) {
    long t = snap.market().timestamp();
    long stale =
        snap.market().reserves().values().stream()
            .filter(r -> r.lastUpdateTimestamp() < t && !r.normalizedDebt(t).equals(r.variableBorrowIndex()))
            .count();
    assertThat(stale).as("reserves whose borrow index accrues at read time").isGreaterThan(0);
  }

  /** The positions cover the cases the math distinguishes. */
  private static void assertVariety(AaveSnapshot snap) {
    AaveReserve link = snap.market().reserveOf(f.aave.asset("LINK"));
    int eMode = 0;
    int stableDebt = 0;
    int isolated = 0;
    int multiCollateral = 0;
    for (AavePosition p : snap.positions().values()) {
      long collaterals = p.reserves().keySet().stream().filter(id -> p.config().isUsingAsCollateral(id)).count();
      if (p.eModeCategory() != 0) eMode++;
      if (p.reserves().values().stream().anyMatch(r -> r.stableDebtPrincipal().signum() > 0)) stableDebt++;
      if (collaterals == 1 && p.config().isUsingAsCollateral(link.id())) isolated++;
      if (collaterals > 1) multiCollateral++;
    }
    assertThat(eMode).as("e-mode positions").isGreaterThan(50);
    assertThat(stableDebt).as("positions with stable debt").isGreaterThan(50);
    assertThat(isolated).as("isolated positions").isGreaterThan(50);
    assertThat(multiCollateral).as("positions with several collaterals").isGreaterThan(50);
  }

  @Test
  @Order(2)
  void liquidationMathEqualsWhatRealLiquidationCallsMove() {
    setPrices(Map.of("WETH", 55, "WBTC", 60, "LINK", 50, "DAI", 97, "USDC", 102, "USDT", 100));
    fundLiquidator();
    AaveSnapshot snap = reader.read(users, f.chain.blockNumber());
    List<LiquidationCases.Case> cases = LiquidationCases.pick(snap, f.aave.asset("LINK"));
    assertThat(cases).extracting(LiquidationCases.Case::name).hasSize(8);
    for (LiquidationCases.Case c : cases) liquidateAndCompare(c);
    assertAHealthyBorrowerCannotBeLiquidated();
  }

  /** Predicts the liquidation at the next block's timestamp, executes it in that block, and compares. */
  private void liquidateAndCompare(LiquidationCases.Case c) {
    EthBlock.Block head = f.chain.latestBlock();
    long block = head.getNumber().longValueExact();
    long nextTimestamp = head.getTimestamp().longValueExact() + 12;
    AaveSnapshot snap = reader.read(List.of(c.user()), block);
    AavePosition p = snap.positions().get(c.user());
    BigInteger cover =
        c.fullCover() ? Units.MAX_UINT256 : seventhOfDebt(p, snap.market().reserveOf(c.debt()), nextTimestamp);
    AaveLiquidationResult predicted =
        AaveLiquidationMath.liquidationCall(
            p, snap.market().at(nextTimestamp), c.collateral(), c.debt(), cover, c.receiveAToken());
    assertThat(predicted).as("case %s", c.name()).isInstanceOf(AaveLiquidationResult.Executed.class);
    AaveLiquidationResult.Executed want = (AaveLiquidationResult.Executed) predicted;
    assertThat(c.shows().test(want)).as("case %s is what it says: %s", c.name(), want).isTrue();

    Address aToken = snap.market().reserveOf(c.collateral()).aToken();
    BigInteger debtBefore = probe.balance(c.debt(), LIQUIDATOR, block);
    BigInteger collBefore = probe.balance(c.collateral(), LIQUIDATOR, block);
    probe.setNextBlockTimestamp(nextTimestamp);
    DevTx liquidation =
        actions.liquidate(LIQUIDATOR, symbol(c.collateral()), symbol(c.debt()), c.user(), cover, c.receiveAToken());
    actions.send(List.of(liquidation));
    long after = f.chain.blockNumber();
    assertThat(f.chain.block(after).getTimestamp().longValueExact()).isEqualTo(nextTimestamp);
    TransactionReceipt receipt = probe.onlyReceipt(after);

    Pool.LiquidationCallEventResponse event = Pool.getLiquidationCallEvents(receipt).get(0);
    assertThat(event.debtToCover).as("%s: debt repaid (event)", c.name()).isEqualTo(want.debtRepaid());
    assertThat(event.liquidatedCollateralAmount)
        .as("%s: collateral (event)", c.name())
        .isEqualTo(want.collateralToLiquidator());
    assertThat(debtBefore.subtract(probe.balance(c.debt(), LIQUIDATOR, after)))
        .as("%s: debt asset paid by the liquidator", c.name())
        .isEqualTo(want.debtRepaid());
    BigInteger received =
        c.receiveAToken()
            ? AaveChainProbe.aTokenTransfer(receipt, aToken, c.user(), LIQUIDATOR)
            : probe.balance(c.collateral(), LIQUIDATOR, after).subtract(collBefore);
    assertThat(received).as("%s: collateral received", c.name()).isEqualTo(want.collateralToLiquidator());
    assertThat(AaveChainProbe.aTokenTransfer(receipt, aToken, c.user(), probe.treasury(aToken, after)))
        .as("%s: protocol fee to the treasury", c.name())
        .isEqualTo(want.protocolFee());
    System.out.printf(
        "liquidation '%s' of %s: HF %s, close factor %d bps, repaid %s, seized %s, fee %s: equal%n",
        c.name(), c.user(), Units.formatHealth(want.healthFactor()), want.closeFactorBps(), want.debtRepaid(),
        want.collateralToLiquidator(), want.protocolFee());
  }

  private static BigInteger seventhOfDebt(AavePosition p, AaveReserve debt, long timestamp) {
    UserReserve b = p.reserve(debt.id());
    return b.variableDebt(debt.normalizedDebt(timestamp)).add(b.stableDebt(timestamp)).divide(BigInteger.valueOf(7));
  }

  /** The math's "health factor not below 1" revert is the Pool's (error 45). */
  private void assertAHealthyBorrowerCannotBeLiquidated() {
    AaveSnapshot snap = reader.read(users, f.chain.blockNumber());
    AavePosition healthy =
        snap.positions().values().stream()
            .filter(p -> LiquidationCases.largestDebt(p, snap.market()) != null)
            .filter(p -> !AaveMath.accountData(p, snap.market()).liquidatable())
            .findFirst()
            .orElseThrow();
    Address coll = LiquidationCases.collateral(healthy, snap.market(), true);
    Address debt = LiquidationCases.largestDebt(healthy, snap.market());
    assertThat(AaveLiquidationMath.liquidationCall(healthy, snap.market(), coll, debt, Units.MAX_UINT256, false))
        .isEqualTo(new AaveLiquidationResult.Reverted("45", "health factor not below 1"));
    DevTx tx = actions.liquidate(LIQUIDATOR, symbol(coll), symbol(debt), healthy.user(), Units.MAX_UINT256, false);
    assertThatThrownBy(() -> f.chain.estimateGas(LIQUIDATOR, new CallRequest(tx.to(), tx.data())))
        .isInstanceOf(CallRevertedException.class)
        .hasMessageContaining("45");
  }

  // --- devnet actions ---------------------------------------------------------------------------------------------

  private static void apply(Scenario s) {
    if (s.seconds() > 0) probe.passTime(s.seconds(), f.devnet::mine);
    if (!s.touched().isEmpty()) {
      List<DevTx> mints = new ArrayList<>();
      List<DevTx> supplies = new ArrayList<>();
      for (String sym : s.touched()) {
        BigInteger one = BigInteger.TEN.pow(f.aave.reserve(sym).decimals());
        mints.addAll(actions.mint(sym, Map.of(LP, one)));
        supplies.add(actions.supply(LP, sym, one));
      }
      actions.send(mints);
      actions.send(supplies);
    }
    if (!s.pricePercent().isEmpty()) setPrices(s.pricePercent());
    if (s.eModePriceSource() != null) setEModePriceSource(f.aave.asset(s.eModePriceSource()));
  }

  private static void setPrices(Map<String, Integer> percent) {
    Map<String, BigInteger> answers = new LinkedHashMap<>();
    percent.forEach(
        (sym, pct) -> answers.put(sym, SPEC.reserve(sym).price().multiply(BigInteger.valueOf(pct)).divide(HUNDRED)));
    f.aave.setPrices(f.devnet, answers);
  }

  /** {@code PoolConfigurator.setEModeCategory} with the spec's parameters and a price source, as the pool admin. */
  private static void setEModePriceSource(Address source) {
    EModeSpec e = SPEC.eModes().get(0);
    String data =
        Wrappers.at(f.aave.configurator(), PoolConfigurator::load)
            .setEModeCategory(
                BigInteger.valueOf(e.id()),
                BigInteger.valueOf(e.ltvBps()),
                BigInteger.valueOf(e.liquidationThresholdBps()),
                BigInteger.valueOf(e.liquidationBonusBps()),
                source.hex(),
                e.label())
            .encodeFunctionCall();
    actions.send(List.of(new DevTx(f.aave.admin(), f.aave.configurator(), data, 500_000)));
  }

  private static void fundLiquidator() {
    List<DevTx> mints = new ArrayList<>();
    for (String sym : SYMBOLS) {
      mints.addAll(actions.mint(sym, Map.of(LIQUIDATOR, units(100_000_000, f.aave.reserve(sym).decimals()))));
    }
    actions.send(mints);
    actions.send(SYMBOLS.stream().map(sym -> actions.approvePool(LIQUIDATOR, sym)).toList());
  }

  private static String symbol(Address asset) {
    return SYMBOLS.stream().filter(s -> f.aave.asset(s).equals(asset)).findFirst().orElseThrow();
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }
}
