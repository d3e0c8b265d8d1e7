package io.collateralkeeper.devnet.aave;

import static io.collateralkeeper.devnet.aave.AaveMarketSpec.STABLECOINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallRevertedException;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.contracts.aave.StableDebtToken;
import io.collateralkeeper.contracts.uniswap.UniswapV2Pair;
import io.collateralkeeper.contracts.uniswap.UniswapV2Router02;
import io.collateralkeeper.devnet.DevnetControl.DevTx;
import io.collateralkeeper.devnet.aave.AaveActions.RateMode;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.abi.datatypes.Type;

/**
 * The real Aave V3.0.2 market and Uniswap V2 on Anvil: deployment, account opening, e-mode, isolation, a price crash,
 * a real liquidation, a quote and a swap.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AaveDevnetIT {
  private static final Address LP = Address.of("0x00000000000000000000000000000000000a11ce");
  private static final Address WETH_BORROWER = Address.of("0x0000000000000000000000000000000000000b01");
  private static final Address BTC_BORROWER = Address.of("0x0000000000000000000000000000000000000b02");
  private static final Address EMODE_BORROWER = Address.of("0x0000000000000000000000000000000000000b03");
  private static final Address ISOLATED_BORROWER = Address.of("0x0000000000000000000000000000000000000b04");
  private static final Address STABLE_BORROWER = Address.of("0x0000000000000000000000000000000000000b05");
  private static final Address LIQUIDATOR = Address.of("0x0000000000000000000000000000000000001140");

  private static AaveFixture f;
  private static AaveActions actions;

  @BeforeAll
  static void openAccounts() {
    f = AaveFixture.start();
    actions = new AaveActions(f.devnet, f.aave);
    actions.open(List.of(
        AaveBorrower.supplier(LP, Map.of("WETH", units(1_000, 18), "WBTC", units(100, 8), "USDC", units(10_000_000, 6),
            "DAI", units(10_000_000, 18), "USDT", units(10_000_000, 6))),
        AaveBorrower.variable(WETH_BORROWER, Map.of("WETH", units(10, 18)), Map.of("USDC", units(22_000, 6))),
        AaveBorrower.variable(BTC_BORROWER, Map.of("WBTC", units(1, 8)), Map.of("WETH", units(10, 18))),
        AaveBorrower.variable(EMODE_BORROWER, Map.of("USDC", units(10_000, 6)), Map.of("DAI", units(9_500, 18)))
            .inEMode(STABLECOINS),
        AaveBorrower.variable(ISOLATED_BORROWER, Map.of("LINK", units(1_000, 18)), Map.of("USDC", units(5_000, 6)))
            .withCollateral("LINK", true),
        new AaveBorrower(STABLE_BORROWER, 0, Map.of("WETH", units(10, 18)), Map.of(), Map.of(),
            Map.of("DAI", units(5_000, 18)))));
  }

  @AfterAll
  static void stop() {
    if (f != null) f.close();
  }

  @Test
  @Order(0)
  void theSameDeployerOnAFreshChainGetsTheSameAddressesWithinSeconds() {
    assertThat(f.deployMillis).isLessThan(15_000); // typically under 1 s; loose for a busy CI machine
    try (AaveFixture again = AaveFixture.start()) {
      assertThat(again.aave).isEqualTo(f.aave);
      assertThat(again.dex).isEqualTo(f.dex);
    }
  }

  @Test
  @Order(1)
  void listsSixReservesWithTheirTokensAndOraclePrices() {
    List<Type> list = read(f.aave.pool(), pool().getReservesList());
    assertThat(list.get(0).getValue().toString()).contains(f.aave.asset("WETH").hex(), f.aave.asset("LINK").hex());
    Pool.ReserveData usdc = (Pool.ReserveData) read(f.aave.pool(), pool().getReserveData(f.aave.asset("USDC").hex())).get(0);
    assertThat(Address.of(usdc.aTokenAddress)).isEqualTo(f.aave.reserve("USDC").aToken());
    assertThat(Address.of(usdc.variableDebtTokenAddress)).isEqualTo(f.aave.reserve("USDC").variableDebtToken());
    Pool.ReserveData link = (Pool.ReserveData) read(f.aave.pool(), pool().getReserveData(f.aave.asset("LINK").hex())).get(0);
    assertThat(link.isolationModeTotalDebt).isEqualTo(BigInteger.valueOf(5_000_00)); // USD, 2 decimals
  }

  @Test
  @Order(2)
  void accountDataIsTheAaveFormulaOfTheOraclePrices() {
    AccountData a = accountData(WETH_BORROWER);
    assertThat(a.collateral).isEqualTo(usd(30_000)); // 10 WETH at $3,000
    assertThat(a.debt).isBetween(usd(22_000), usd(22_001)); // 22,000 USDC plus seconds of interest
    assertThat(a.ltv).isEqualTo(8000);
    assertThat(a.liquidationThreshold).isEqualTo(8250);
    assertThat(a.health).isEqualTo(a.expectedHealth()).isBetween(wad("1.12"), wad("1.126"));

    AccountData e = accountData(EMODE_BORROWER);
    assertThat(e.ltv).isEqualTo(9700); // the stablecoin category's, not USDC's 77%
    assertThat(e.liquidationThreshold).isEqualTo(9750);
    assertThat(read(f.aave.pool(), pool().getUserEMode(EMODE_BORROWER.hex())).get(0).getValue()).isEqualTo(BigInteger.ONE);

    BigInteger stablePrincipal = (BigInteger) read(f.aave.reserve("DAI").stableDebtToken(),
        Wrappers.at(f.aave.reserve("DAI").stableDebtToken(), StableDebtToken::load)
            .principalBalanceOf(STABLE_BORROWER.hex())).get(0).getValue();
    assertThat(stablePrincipal).isEqualTo(units(5_000, 18));
  }

  @Test
  @Order(3)
  void isolatedCollateralCannotBorrowWhatIsNotBorrowableInIsolation() {
    DevTx borrowWeth = actions.borrow(ISOLATED_BORROWER, "WETH", units(1, 18), RateMode.VARIABLE);
    assertThatThrownBy(() -> f.chain.estimateGas(ISOLATED_BORROWER, new CallRequest(borrowWeth.to(), borrowWeth.data())))
        .isInstanceOf(CallRevertedException.class);
    DevTx borrowDai = actions.borrow(ISOLATED_BORROWER, "DAI", units(1_000, 18), RateMode.VARIABLE);
    assertThat(f.chain.estimateGas(ISOLATED_BORROWER, new CallRequest(borrowDai.to(), borrowDai.data()))).isPositive();
  }

  @Test
  @Order(4)
  void aPriceCrashMakesTheBorrowerLiquidatableAndARealLiquidationCallRepaysItsDebt() {
    actions.send(actions.mint("USDC", Map.of(LIQUIDATOR, units(30_000, 6))));
    actions.send(List.of(actions.approvePool(LIQUIDATOR, "USDC")));
    DevTx early = actions.liquidate(LIQUIDATOR, "WETH", "USDC", WETH_BORROWER, Units.MAX_UINT256, false);
    assertThatThrownBy(() -> f.chain.estimateGas(LIQUIDATOR, new CallRequest(early.to(), early.data())))
        .isInstanceOf(CallRevertedException.class); // healthy accounts cannot be liquidated

    f.aave.setPrice(f.devnet, "WETH", usd(2_500));
    AccountData crashed = accountData(WETH_BORROWER);
    assertThat(crashed.collateral).isEqualTo(usd(25_000));
    assertThat(crashed.health).isEqualTo(crashed.expectedHealth()).isLessThan(wad("0.95"));

    actions.send(List.of(actions.liquidate(LIQUIDATOR, "WETH", "USDC", WETH_BORROWER, Units.MAX_UINT256, false)));
    AccountData after = accountData(WETH_BORROWER);
    assertThat(after.debt).isZero(); // below 0.95 the close factor is 100%
    BigInteger seized = balance(f.aave.asset("WETH"), LIQUIDATOR);
    // ~22,000 USDC of debt at $2,500/ETH plus the 5% bonus, less the 10% protocol share of the bonus: ~9.196 WETH
    assertThat(seized).isBetween(wad("9.19"), wad("9.20"));
    assertThat(balance(f.aave.asset("USDC"), LIQUIDATOR)).isBetween(units(7_999, 6), units(8_000, 6));
  }

  @Test
  @Order(5)
  void uniswapQuotesAndSwapsAtTheSeededPricesThroughTheUnmodifiedRouter() {
    Address weth = f.aave.asset("WETH");
    Address usdc = f.aave.asset("USDC");
    Address pair = f.dex.pair(weth, usdc);
    List<Type> reserves = read(pair, Wrappers.at(pair, UniswapV2Pair::load).getReserves());
    boolean wethIsToken0 = weth.compareTo(usdc) < 0;
    BigInteger wethReserve = big(reserves, wethIsToken0 ? 0 : 1);
    BigInteger usdcReserve = big(reserves, wethIsToken0 ? 1 : 0);
    assertThat(usdcReserve).isEqualTo(units(10_000_000, 6));
    assertThat(wethReserve).isEqualTo(units(10_000_000, 18).divide(BigInteger.valueOf(3_000))); // seeded at $3,000

    BigInteger in = units(10, 18);
    UniswapV2Router02 router = Wrappers.at(f.dex.router(), UniswapV2Router02::load);
    List<?> quote = (List<?>) read(f.dex.router(), router.getAmountsOut(in, List.of(weth.hex(), usdc.hex()))).get(0).getValue();
    BigInteger out = (BigInteger) ((Type<?>) quote.get(1)).getValue();
    BigInteger inWithFee = in.multiply(BigInteger.valueOf(997)); // UniswapV2Library.getAmountOut, 0.3% fee
    assertThat(out).isEqualTo(inWithFee.multiply(usdcReserve)
        .divide(wethReserve.multiply(BigInteger.valueOf(1000)).add(inWithFee)));
    assertThat(out).isBetween(units(29_800, 6), units(29_910, 6));

    Address trader = Address.of("0x000000000000000000000000000000000007eade");
    DevTx approve = new DevTx(trader, weth, Wrappers.at(weth, TestToken::load).approve(f.dex.router().hex(), in)
        .encodeFunctionCall(), 100_000);
    DevTx swap = new DevTx(trader, f.dex.router(), router.swapExactTokensForTokens(in, out,
        List.of(weth.hex(), usdc.hex()), trader.hex(), Units.MAX_UINT256).encodeFunctionCall(), 300_000);
    actions.send(actions.mint("WETH", Map.of(trader, in)));
    actions.send(List.of(approve, swap));
    assertThat(balance(usdc, trader)).isEqualTo(out);
    assertThat(balance(weth, trader)).isZero();
  }

  @Test
  @Order(6)
  void opensHundredsOfAccountsInAFewBlocks() {
    List<AaveBorrower> many = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Address a = Address.of(String.format("0x%040x", 0x5eed0000L + i));
      many.add(i % 2 == 0
          ? AaveBorrower.variable(a, Map.of("WBTC", units(1, 8)), Map.of("USDC", units(20_000 + i, 6)))
          : AaveBorrower.variable(a, Map.of("DAI", units(10_000, 18)), Map.of("USDT", units(5_000, 6))));
    }
    long before = f.chain.blockNumber();
    actions.open(many);
    assertThat(f.chain.blockNumber() - before).isLessThanOrEqualTo(10);
    Pool pool = pool();
    List<List<Type>> data = Wrappers.readAll(f.chain, java.util.Collections.nCopies(many.size(), f.aave.pool()),
        many.stream().map(b -> pool.getUserAccountData(b.account().hex())).toList(), f.chain.blockNumber());
    for (List<Type> d : data) {
      assertThat(big(d, 1)).isPositive(); // debt
      assertThat(big(d, 5)).isGreaterThan(Units.WAD); // healthy
    }
  }

  private record AccountData(BigInteger collateral, BigInteger debt, long liquidationThreshold, long ltv, BigInteger health) {
    /** Aave's GenericLogic: percentMul(collateral, threshold) wadDiv debt, half-up rounding. */
    BigInteger expectedHealth() {
      BigInteger adjusted = collateral.multiply(BigInteger.valueOf(liquidationThreshold)).add(BigInteger.valueOf(5_000))
          .divide(Units.BPS);
      return adjusted.multiply(Units.WAD).add(debt.shiftRight(1)).divide(debt);
    }
  }

  private static AccountData accountData(Address user) {
    List<Type> r = read(f.aave.pool(), pool().getUserAccountData(user.hex()));
    return new AccountData(big(r, 0), big(r, 1), big(r, 3).longValueExact(), big(r, 4).longValueExact(), big(r, 5));
  }

  private static BigInteger balance(Address token, Address holder) {
    return (BigInteger) read(token, Wrappers.at(token, TestToken::load).balanceOf(holder.hex())).get(0).getValue();
  }

  private static List<Type> read(Address to, org.web3j.protocol.core.RemoteFunctionCall<?> fn) {
    return Wrappers.read(f.chain, to, fn, f.chain.blockNumber());
  }

  private static Pool pool() {
    return Wrappers.at(f.aave.pool(), Pool::load);
  }

  private static BigInteger big(List<Type> r, int i) {
    return (BigInteger) r.get(i).getValue();
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }

  private static BigInteger usd(long dollars) {
    return units(dollars, 8);
  }

  private static BigInteger wad(String value) {
    return Units.toWad(new java.math.BigDecimal(value));
  }
}
