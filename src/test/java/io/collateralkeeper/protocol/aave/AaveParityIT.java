package io.collateralkeeper.protocol.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.CallRevertedException;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.contracts.aave.AToken;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.contracts.aave.PoolConfigurator;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.aave.AaveActions;
import io.collateralkeeper.devnet.aave.AaveBorrower;
import io.collateralkeeper.devnet.aave.AaveFixture;
import io.collateralkeeper.devnet.aave.AaveMarketSpec;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveLiquidationMath;
import io.collateralkeeper.risk.aave.AaveLiquidationResult;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.UserReserve;
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
 * isolated, stable-rate) under price scenarios and months of interest accrual, {@link AaveMath#accountData} equals
 * {@code Pool.getUserAccountData} at the same block to the wei, field for field; and
 * {@link AaveLiquidationMath#liquidationCall} predicts what real {@code liquidationCall}s move, to the wei.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AaveParityIT {
  private static final int ACCOUNTS = 600;
  private static final long DAY = 86_400;
  private static final Address LP = Address.of("0x00000000000000000000000000000000000a11ce");
  private static final Address LIQUIDATOR = Address.of("0x0000000000000000000000000000000000001140");
  private static final List<String> SYMBOLS = List.of("WETH", "WBTC", "USDC", "DAI", "USDT", "LINK");

  private static AaveFixture f;
  private static AaveActions actions;
  private static Multicall multicall;
  private static AaveReader reader;
  private static final List<RandomAaveAccounts.Account> accounts = new ArrayList<>();
  private static final List<Address> users = new ArrayList<>();

  @BeforeAll
  static void openPositions() throws Exception {
    f = AaveFixture.start();
    actions = new AaveActions(f.devnet, f.aave);
    var deployer = WalletLoader.devAccount(1, 31337).credentials();
    Multicall3 mc =
        Multicall3.deploy(
                f.chain.web3j(),
                VaultDeployer.transactionManager(f.chain.web3j(), deployer, 31337),
                VaultDeployer.gasProvider(31337))
            .send();
    multicall = new Multicall(f.chain, Address.of(mc.getContractAddress()), 250);
    reader = new AaveReader(f.chain, multicall, f.aave.provider());

    accounts.addAll(new RandomAaveAccounts(AaveMarketSpec.mainnetLike(), 20240805L).generate(ACCOUNTS));
    List<AaveBorrower> borrowers = new ArrayList<>();
    borrowers.add(
        AaveBorrower.supplier(
            LP,
            Map.of(
                "WETH", units(10_000, 18), "WBTC", units(500, 8), "USDC", units(30_000_000, 6),
                "DAI", units(30_000_000, 18), "USDT", units(30_000_000, 6), "LINK", units(2_000_000, 18))));
    accounts.forEach(a -> borrowers.add(a.borrower()));
    actions.open(borrowers);
    users.add(LP);
    accounts.forEach(a -> users.add(a.borrower().account()));
  }

  @AfterAll
  static void stop() {
    if (f != null) f.close();
  }

  /** A market state to compare in: time passes, some reserves are touched, prices move (percent of the start). */
  private record Scenario(
      String name, long seconds, List<String> touched, Map<String, Integer> pricePercent, String eModePriceSource) {
    Scenario(String name, long seconds, List<String> touched, Map<String, Integer> pricePercent) {
      this(name, seconds, touched, pricePercent, null);
    }
  }

  @Test
  @Order(1)
  void localAccountDataEqualsGetUserAccountDataToTheWeiForEveryPosition() {
    List<Scenario> scenarios =
        List.of(
            new Scenario("just opened", 0, List.of(), Map.of()),
            new Scenario("30 days of interest, WETH and USDC touched", 30 * DAY, List.of("WETH", "USDC"), Map.of()),
            new Scenario("a dip", 3_600, List.of(), Map.of("WETH", 85, "WBTC", 90, "LINK", 80)),
            new Scenario(
                "a crash with a stablecoin wobble",
                600,
                List.of("DAI"),
                Map.of("WETH", 62, "WBTC", 67, "LINK", 55, "DAI", 98, "USDC", 101, "USDT", 103)),
            new Scenario(
                "a year later, half recovered", 365 * DAY, List.of("WBTC", "USDT"),
                Map.of("WETH", 80, "WBTC", 84, "LINK", 75, "DAI", 100, "USDC", 100, "USDT", 100)),
            new Scenario(
                "the stablecoin category priced by the USDC feed, DAI depegs", 7 * DAY, List.of(),
                Map.of("DAI", 96, "USDC", 99, "USDT", 101), "USDC"));
    int liquidatable = 0;
    int maxInAScenario = 0;
    for (Scenario s : scenarios) {
      apply(s);
      long block = f.chain.blockNumber();
      AaveSnapshot snap = reader.read(users, block);
      Map<Address, AaveAccountData> onChain = accountData(snap.positions().keySet().stream().toList(), block);
      List<String> mismatches = new ArrayList<>();
      int here = 0;
      int pricedBySource = 0;
      for (AavePosition p : snap.positions().values()) {
        AaveAccountData local = AaveMath.accountData(p, snap.market());
        AaveAccountData chain = onChain.get(p.user());
        if (!sameAsPool(local, chain)) mismatches.add(p.user() + ": local " + local + " vs pool " + chain);
        if (p.eModeCategory() != 0 && snap.market().eMode(p.eModeCategory()).hasPriceSource()) pricedBySource++;
        if (chain.liquidatable()) here++;
      }
      assertThat(mismatches)
          .as("positions differing from the Pool in scenario '%s' (%d; first: %s)", s.name(), mismatches.size(),
              mismatches.stream().limit(3).toList())
          .hasSize(0);
      assertThat(snap.positions()).hasSize(ACCOUNTS + 1);
      liquidatable += here;
      maxInAScenario = Math.max(maxInAScenario, here);
      System.out.printf("scenario '%s': %d positions equal to the wei, %d liquidatable%n", s.name(), users.size(), here);
      if (s.seconds() >= 30 * DAY) assertIndexesAccrueInTheRead(snap);
      if (s.eModePriceSource() != null) assertThat(pricedBySource).as("e-mode positions priced by the source").isGreaterThan(50);
    }
    assertVariety(reader.read(users, f.chain.blockNumber()));
    assertThat(maxInAScenario).as("liquidatable positions in the crash").isGreaterThan(100);
    assertThat(liquidatable).isGreaterThan(150);
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

  /** The read happened with reserves whose stored indexes are stale, so the accrual path was exercised. */
  private static void assertIndexesAccrueInTheRead(AaveSnapshot snap) {
    long stale = snap.market().reserves().values().stream()
        .filter(r -> r.lastUpdateTimestamp() < snap.market().timestamp())
        .filter(r -> !r.normalizedDebt(snap.market().timestamp()).equals(r.variableBorrowIndex()))
        .count();
    assertThat(stale).as("reserves whose borrow index accrues at read time").isGreaterThan(0);
  }

  /** The positions cover the cases the math distinguishes. */
  private static void assertVariety(AaveSnapshot snap) {
    int eMode = 0;
    int stableDebt = 0;
    int isolated = 0;
    int multiCollateral = 0;
    for (AavePosition p : snap.positions().values()) {
      if (p.eModeCategory() != 0) eMode++;
      if (p.reserves().values().stream().anyMatch(r -> r.stableDebtPrincipal().signum() > 0)) stableDebt++;
      long collaterals = p.reserves().keySet().stream().filter(id -> p.config().isUsingAsCollateral(id)).count();
      if (collaterals > 1) multiCollateral++;
      AaveReserve link = snap.market().reserveOf(f.aave.asset("LINK"));
      if (collaterals == 1 && p.config().isUsingAsCollateral(link.id())) isolated++;
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
    List<Case> cases = pickCases(snap);
    assertThat(cases).as("liquidation cases found").hasSize(8);
    int executed = 0;
    for (Case c : cases) {
      if (liquidateAndCompare(c)) executed++;
    }
    assertThat(executed).isEqualTo(8);
    assertAHealthyBorrowerCannotBeLiquidated();
  }

  /** The math's "health factor not below 1" revert is the Pool's (error 45). */
  private void assertAHealthyBorrowerCannotBeLiquidated() {
    long block = f.chain.blockNumber();
    AaveSnapshot snap = reader.read(users, block);
    AavePosition healthy =
        snap.positions().values().stream()
            .filter(p -> largestDebt(p, snap) != null && !AaveMath.accountData(p, snap.market()).liquidatable())
            .findFirst()
            .orElseThrow();
    Address coll = largestCollateral(healthy, snap);
    Address debt = largestDebt(healthy, snap);
    assertThat(AaveLiquidationMath.liquidationCall(healthy, snap.market(), coll, debt, Units.MAX_UINT256, false))
        .isEqualTo(new AaveLiquidationResult.Reverted("45", "health factor not below 1"));
    var tx = actions.liquidate(LIQUIDATOR, symbol(coll), symbol(debt), healthy.user(), Units.MAX_UINT256, false);
    assertThatThrownBy(() -> f.chain.estimateGas(LIQUIDATOR, new CallRequest(tx.to(), tx.data())))
        .isInstanceOf(CallRevertedException.class)
        .hasMessageContaining("45");
  }

  /** One liquidation to try. */
  private record Case(
      String name, Address user, Address collateral, Address debt, boolean fullCover, boolean receiveAToken,
      java.util.function.Predicate<AaveLiquidationResult.Executed> shows) {}

  /** A liquidatable position with what the case selection looks at. */
  private record Candidate(
      AavePosition position, boolean above095, boolean stableDebt, boolean isolated, int collaterals,
      Address largestCollateral, Address smallestCollateral, Address largestDebt) {}

  /** One liquidatable user per case, each a different user (a liquidation changes its user's state). */
  private List<Case> pickCases(AaveSnapshot snap) {
    List<Candidate> candidates = new ArrayList<>();
    for (AavePosition p : snap.positions().values()) {
      AaveAccountData d = AaveMath.accountData(p, snap.market());
      Address coll = largestCollateral(p, snap);
      Address debt = largestDebt(p, snap);
      if (!d.liquidatable() || coll == null || debt == null) continue;
      int collaterals = (int) p.reserves().keySet().stream().filter(id -> p.config().isUsingAsCollateral(id)).count();
      candidates.add(
          new Candidate(
              p,
              d.healthFactor().compareTo(AaveLiquidationMath.CLOSE_FACTOR_HF_THRESHOLD) > 0,
              p.reserve(snap.market().reserveOf(debt).id()).stableDebtPrincipal().signum() > 0,
              coll.equals(f.aave.asset("LINK")),
              collaterals,
              coll,
              smallestCollateral(p, snap),
              debt));
    }
    List<Case> out = new ArrayList<>();
    List<Address> used = new ArrayList<>();
    pick(out, used, candidates, "50% close factor", Candidate::above095, false, true, false,
        r -> r.closeFactorBps() == 5000 && r.debtRepaid().shiftLeft(1).compareTo(r.userTotalDebt().add(BigInteger.ONE)) <= 0);
    pick(out, used, candidates, "100% close factor", c -> !c.above095(), false, true, false,
        r -> r.closeFactorBps() == 10000);
    pick(out, used, candidates, "e-mode (priced by the category source)", c -> c.position().eModeCategory() != 0,
        false, true, false, r -> true);
    pick(out, used, candidates, "stable debt", Candidate::stableDebt, false, true, false,
        r -> r.userStableDebt().signum() > 0);
    pick(out, used, candidates, "isolated", Candidate::isolated, false, true, false, r -> true);
    pick(out, used, candidates, "collateral capped", c -> c.collaterals() > 1 && !c.above095() && capped(c, snap), true,
        true, false, AaveLiquidationResult.Executed::collateralExhausted);
    pick(out, used, candidates, "receive aTokens", c -> true, false, true, true, r -> true);
    pick(out, used, candidates, "partial cover", c -> true, false, false, false,
        r -> r.debtRepaid().compareTo(r.userTotalDebt().divide(BigInteger.valueOf(6))) < 0);
    return out;
  }

  private static void pick(
      List<Case> out, List<Address> used, List<Candidate> candidates, String name,
      java.util.function.Predicate<Candidate> fits, boolean smallestCollateral, boolean fullCover, boolean aTokens,
      java.util.function.Predicate<AaveLiquidationResult.Executed> shows) {
    for (Candidate c : candidates) {
      Address user = c.position().user();
      if (used.contains(user) || !fits.test(c)) continue;
      Address coll = smallestCollateral ? c.smallestCollateral() : c.largestCollateral();
      out.add(new Case(name, user, coll, c.largestDebt(), fullCover, aTokens, shows));
      used.add(user);
      return;
    }
  }

  /** True when liquidating the whole allowed debt against the smallest collateral takes all of it. */
  private static boolean capped(Candidate c, AaveSnapshot snap) {
    AaveLiquidationResult r =
        AaveLiquidationMath.liquidationCall(
            c.position(), snap.market(), c.smallestCollateral(), c.largestDebt(), Units.MAX_UINT256, false);
    return r instanceof AaveLiquidationResult.Executed e && e.collateralExhausted();
  }

  /** Predicts the liquidation at the next block's timestamp, executes it there, and compares. */
  private boolean liquidateAndCompare(Case c) {
    EthBlock.Block head = f.chain.latestBlock();
    long block = head.getNumber().longValueExact();
    long nextTimestamp = head.getTimestamp().longValueExact() + 12;
    AaveSnapshot snap = reader.read(List.of(c.user()), block);
    AavePosition p = snap.positions().get(c.user());
    AaveReserve debtReserve = snap.market().reserveOf(c.debt());
    UserReserve debtBalances = p.reserve(debtReserve.id());
    BigInteger cover = Units.MAX_UINT256;
    if (!c.fullCover()) {
      BigInteger variable = debtBalances.variableDebt(debtReserve.normalizedDebt(nextTimestamp));
      cover = variable.add(debtBalances.stableDebt(nextTimestamp)).divide(BigInteger.valueOf(7));
    }
    AaveLiquidationResult predicted =
        AaveLiquidationMath.liquidationCall(p, snap.market().at(nextTimestamp), c.collateral(), c.debt(), cover, c.receiveAToken());
    assertThat(predicted).as("case %s", c.name()).isInstanceOf(AaveLiquidationResult.Executed.class);
    AaveLiquidationResult.Executed want = (AaveLiquidationResult.Executed) predicted;
    assertThat(c.shows().test(want)).as("case %s is what it says: %s", c.name(), want).isTrue();

    Address aToken = snap.market().reserveOf(c.collateral()).aToken();
    BigInteger debtBefore = balance(c.debt(), LIQUIDATOR, block);
    BigInteger collBefore = balance(c.collateral(), LIQUIDATOR, block);
    f.chain.rpc("evm_setNextBlockTimestamp", nextTimestamp);
    actions.send(List.of(actions.liquidate(LIQUIDATOR, symbol(c.collateral()), symbol(c.debt()), c.user(), cover, c.receiveAToken())));
    long after = f.chain.blockNumber();
    assertThat(f.chain.block(after).getTimestamp().longValueExact()).isEqualTo(nextTimestamp);
    TransactionReceipt receipt = onlyReceipt(after);

    Pool.LiquidationCallEventResponse event = Pool.getLiquidationCallEvents(receipt).get(0);
    assertThat(event.debtToCover).as("%s: debt repaid (event)", c.name()).isEqualTo(want.debtRepaid());
    assertThat(event.liquidatedCollateralAmount).as("%s: collateral (event)", c.name()).isEqualTo(want.collateralToLiquidator());
    assertThat(debtBefore.subtract(balance(c.debt(), LIQUIDATOR, after)))
        .as("%s: debt asset paid by the liquidator", c.name()).isEqualTo(want.debtRepaid());
    if (c.receiveAToken()) {
      assertThat(aTokenTransfer(receipt, aToken, c.user(), LIQUIDATOR))
          .as("%s: aTokens received", c.name()).isEqualTo(want.collateralToLiquidator());
    } else {
      assertThat(balance(c.collateral(), LIQUIDATOR, after).subtract(collBefore))
          .as("%s: collateral received", c.name()).isEqualTo(want.collateralToLiquidator());
    }
    Address treasury = treasury(aToken, after);
    assertThat(aTokenTransfer(receipt, aToken, c.user(), treasury))
        .as("%s: protocol fee to the treasury", c.name()).isEqualTo(want.protocolFee());
    System.out.printf("liquidation '%s' of %s: HF %s, close factor %d bps, repaid %s, seized %s, fee %s: equal%n",
        c.name(), c.user(), Units.formatHealth(want.healthFactor()), want.closeFactorBps(), want.debtRepaid(),
        want.collateralToLiquidator(), want.protocolFee());
    return true;
  }

  // --- chain helpers ---------------------------------------------------------------------------------------------

  private static void apply(Scenario s) {
    if (s.seconds() > 0) {
      f.chain.rpc("evm_increaseTime", s.seconds());
      f.devnet.mine();
    }
    if (!s.touched().isEmpty()) {
      // a small LP supply updates the reserve's stored indexes and rates, so reserves end up with different ages
      Map<String, BigInteger> amounts = new LinkedHashMap<>();
      for (String sym : s.touched()) amounts.put(sym, BigInteger.TEN.pow(f.aave.reserve(sym).decimals()));
      List<io.collateralkeeper.devnet.DevnetControl.DevTx> txs = new ArrayList<>();
      amounts.forEach((sym, amt) -> txs.addAll(actions.mint(sym, Map.of(LP, amt))));
      actions.send(txs);
      List<io.collateralkeeper.devnet.DevnetControl.DevTx> supplies = new ArrayList<>();
      amounts.forEach((sym, amt) -> supplies.add(actions.supply(LP, sym, amt)));
      actions.send(supplies);
    }
    if (!s.pricePercent().isEmpty()) setPrices(s.pricePercent());
    if (s.eModePriceSource() != null) setEModePriceSource(f.aave.asset(s.eModePriceSource()));
  }

  /** {@code PoolConfigurator.setEModeCategory} with the spec's parameters and a price source, as the pool admin. */
  private static void setEModePriceSource(Address source) {
    var e = AaveMarketSpec.mainnetLike().eModes().get(0);
    var configurator = Wrappers.at(f.aave.configurator(), PoolConfigurator::load);
    String data =
        configurator
            .setEModeCategory(
                BigInteger.valueOf(e.id()), BigInteger.valueOf(e.ltvBps()), BigInteger.valueOf(e.liquidationThresholdBps()),
                BigInteger.valueOf(e.liquidationBonusBps()), source.hex(), e.label())
            .encodeFunctionCall();
    actions.send(List.of(new io.collateralkeeper.devnet.DevnetControl.DevTx(f.aave.admin(), f.aave.configurator(), data, 500_000)));
  }

  private static void setPrices(Map<String, Integer> percent) {
    AaveMarketSpec spec = AaveMarketSpec.mainnetLike();
    Map<String, BigInteger> answers = new LinkedHashMap<>();
    percent.forEach(
        (sym, pct) -> answers.put(sym, spec.reserve(sym).price().multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100))));
    f.aave.setPrices(f.devnet, answers);
  }

  private static void fundLiquidator() {
    List<io.collateralkeeper.devnet.DevnetControl.DevTx> txs = new ArrayList<>();
    for (String sym : SYMBOLS) txs.addAll(actions.mint(sym, Map.of(LIQUIDATOR, units(100_000_000, f.aave.reserve(sym).decimals()))));
    actions.send(txs);
    actions.send(SYMBOLS.stream().map(sym -> actions.approvePool(LIQUIDATOR, sym)).toList());
  }

  private static Map<Address, AaveAccountData> accountData(List<Address> who, long block) {
    List<CallRequest> calls = new ArrayList<>();
    for (Address u : who) calls.add(new CallRequest(f.aave.pool(), AaveAbi.getUserAccountData(u)));
    List<CallResult> res = multicall.aggregate(calls, block);
    Map<Address, AaveAccountData> out = new LinkedHashMap<>();
    for (int i = 0; i < who.size(); i++) {
      assertThat(res.get(i).success()).isTrue();
      out.put(who.get(i), AaveAbi.decodeUserAccountData(res.get(i).returnData()));
    }
    return out;
  }

  private static Address largestCollateral(AavePosition p, AaveSnapshot snap) {
    return extremeCollateral(p, snap, true);
  }

  private static Address smallestCollateral(AavePosition p, AaveSnapshot snap) {
    return extremeCollateral(p, snap, false);
  }

  private static Address extremeCollateral(AavePosition p, AaveSnapshot snap, boolean largest) {
    Address best = null;
    BigInteger bestValue = null;
    long t = snap.market().timestamp();
    for (var e : p.reserves().entrySet()) {
      AaveReserve r = snap.market().reserve(e.getKey());
      if (r == null || !p.config().isUsingAsCollateral(r.id()) || r.config().liquidationThreshold() == 0) continue;
      BigInteger value = e.getValue().aTokenBalance(r.normalizedIncome(t)).multiply(snap.market().price(r.asset()))
          .divide(r.config().unit());
      if (value.signum() == 0) continue;
      if (bestValue == null || (largest ? value.compareTo(bestValue) > 0 : value.compareTo(bestValue) < 0)) {
        best = r.asset();
        bestValue = value;
      }
    }
    return best;
  }

  private static Address largestDebt(AavePosition p, AaveSnapshot snap) {
    Address best = null;
    BigInteger bestValue = BigInteger.ZERO;
    long t = snap.market().timestamp();
    for (var e : p.reserves().entrySet()) {
      AaveReserve r = snap.market().reserve(e.getKey());
      if (r == null || !p.config().isBorrowing(r.id())) continue;
      BigInteger debt = e.getValue().variableDebt(r.normalizedDebt(t)).add(e.getValue().stableDebt(t));
      BigInteger value = debt.multiply(snap.market().price(r.asset())).divide(r.config().unit());
      if (value.compareTo(bestValue) > 0) {
        best = r.asset();
        bestValue = value;
      }
    }
    return best;
  }

  private static String symbol(Address asset) {
    return SYMBOLS.stream().filter(s -> f.aave.asset(s).equals(asset)).findFirst().orElseThrow();
  }

  private static BigInteger balance(Address token, Address holder, long block) {
    return (BigInteger) Wrappers.read(f.chain, token, Wrappers.at(token, TestToken::load).balanceOf(holder.hex()), block)
        .get(0).getValue();
  }

  private static Address treasury(Address aToken, long block) {
    return Address.of((String) Wrappers.read(f.chain, aToken, Wrappers.at(aToken, AToken::load).RESERVE_TREASURY_ADDRESS(), block)
        .get(0).getValue());
  }

  /** The unscaled amount of the aToken's {@code Transfer(from, to, value)} in the receipt; zero when none. */
  private static BigInteger aTokenTransfer(TransactionReceipt receipt, Address aToken, Address from, Address to) {
    BigInteger total = BigInteger.ZERO;
    for (AToken.TransferEventResponse t : AToken.getTransferEvents(receipt)) {
      if (Address.of(t.log.getAddress()).equals(aToken) && Address.of(t.from).equals(from) && Address.of(t.to).equals(to)) {
        total = total.add(t.value);
      }
    }
    return total;
  }

  private static TransactionReceipt onlyReceipt(long block) {
    List<EthBlock.TransactionResult> txs = f.chain.block(block).getTransactions();
    assertThat(txs).hasSize(1);
    String hash = (String) txs.get(0).get();
    TransactionReceipt r = f.chain.receipt(hash).orElseThrow();
    assertThat(r.isStatusOK()).isTrue();
    return r;
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }
}
