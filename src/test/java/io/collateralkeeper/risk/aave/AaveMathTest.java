package io.collateralkeeper.risk.aave;

import static io.collateralkeeper.risk.aave.TestReserves.addr;
import static io.collateralkeeper.risk.aave.TestReserves.big;
import static io.collateralkeeper.risk.aave.TestReserves.bitmap;
import static io.collateralkeeper.risk.aave.TestReserves.borrow;
import static io.collateralkeeper.risk.aave.TestReserves.fresh;
import static io.collateralkeeper.risk.aave.TestReserves.supply;
import static io.collateralkeeper.risk.aave.TestReserves.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Pool.getUserAccountData} computed locally, against examples worked by hand from GenericLogic.sol's integer
 * formulas. Prices are USD with 8 decimals, so base amounts read as dollars x 1e8.
 *
 * <p>Reserves: 0 = WETH (18 decimals, ltv 80%, threshold 82.5%), 1 = USDC (6 decimals, ltv 77%, threshold 80%,
 * e-mode 1), 2 = DAI (18 decimals, ltv 75%, threshold 80%, e-mode 1), 3 = ZLT (18 decimals, ltv 0, threshold 50%),
 * 4 = NOC (18 decimals, threshold 0: not collateral). E-mode 1 "stables": ltv 93%, threshold 95%, bonus 1%,
 * priced by the asset USD at $1.
 */
class AaveMathTest {
  static final long T = 1_700_000_000L;
  static final Address USD = addr(0xFEED);
  static final AaveReserve WETH = fresh(0, bitmap(8000, 8250, 10500, 18, 1000, 0), T);
  static final AaveReserve USDC = fresh(1, bitmap(7700, 8000, 10450, 6, 1000, 1), T);
  static final AaveReserve DAI = fresh(2, bitmap(7500, 8000, 10500, 18, 1000, 1), T);
  static final AaveReserve ZLT = fresh(3, bitmap(0, 5000, 11000, 18, 0, 0), T);
  static final AaveReserve NOC = fresh(4, bitmap(0, 0, 0, 18, 0, 0), T);
  static final EModeCategory STABLES = new EModeCategory(1, 9300, 9500, 10100, USD, "stables");

  static AaveMarket market(long timestamp, AaveReserve... reserves) {
    Map<Integer, AaveReserve> byId = new java.util.HashMap<>();
    for (AaveReserve r : reserves) byId.put(r.id(), r);
    for (AaveReserve r : new AaveReserve[] {WETH, USDC, DAI, ZLT, NOC}) byId.putIfAbsent(r.id(), r);
    Map<Address, BigInteger> prices =
        Map.of(
            WETH.asset(), usd8("2000"),
            USDC.asset(), usd8("1.0001"),
            DAI.asset(), usd8("0.999"),
            ZLT.asset(), usd8("10"),
            NOC.asset(), usd8("5"),
            USD, usd8("1"));
    return new AaveMarket(byId, prices, Map.of(1, STABLES), timestamp);
  }

  static BigInteger usd8(String dollars) {
    return units(dollars, 8);
  }

  static UserConfig config(int[] collateral, int[] borrowed) {
    UserConfig c = UserConfig.EMPTY;
    for (int id : collateral) c = c.withCollateral(id, true);
    for (int id : borrowed) c = c.withBorrowing(id, true);
    return c;
  }

  @Test
  void shouldValueWethCollateralAgainstUsdcDebtWithoutAccrual() {
    // 10 WETH supplied, 15,000 USDC borrowed, both indexes 1.0, updated in this block. USDC at $1.0001.
    AavePosition p =
        new AavePosition(
            addr(1),
            config(new int[] {0}, new int[] {1}),
            0,
            Map.of(0, supply(units("10", 18)), 1, borrow(units("15000", 6))));

    AaveAccountData d = AaveMath.accountData(p, market(T));

    // collateral 10e18 x 2000e8 / 1e18 = 20,000e8
    assertThat(d.totalCollateralBase()).isEqualTo(usd8("20000"));
    // debt 15,000e6 x 1.0001e8 / 1e6 = 15,001.5e8
    assertThat(d.totalDebtBase()).isEqualTo(usd8("15001.5"));
    assertThat(d.currentLiquidationThreshold()).isEqualTo(8250);
    assertThat(d.ltv()).isEqualTo(8000);
    // percentMul(20,000e8, 8250) = 16,500e8;
    // wadDiv(16,500e8, 15,001.5e8) = 1.099890010998900109|989... + half -> ...110
    assertThat(d.healthFactor()).isEqualTo(big("1099890010998900110"));
    // percentMul(20,000e8, 8000) = 16,000e8; minus debt = 998.5e8
    assertThat(d.availableBorrowsBase()).isEqualTo(usd8("998.5"));
    assertThat(d.liquidatable()).isFalse();
    assertThat(d.hasZeroLtvCollateral()).isFalse();
  }

  @Test
  void shouldAccrueTheLiquidityAndBorrowIndexesToTheBlockTimestamp() {
    // WETH: supply rate 2%/year, last updated one year ago -> income index rayMul(1.02e27, 1e27) = 1.02e27
    AaveReserve weth =
        TestReserves.reserve(
            0, bitmap(8000, 8250, 10500, 18, 1000, 0), TestReserves.RAY, big("20000000000000000000000000"),
            TestReserves.RAY, BigInteger.ZERO, T - 31_536_000L);
    // USDC: borrow rate 3.1536%/year, last updated 2 s ago -> debt index 1e27 + 2e18 + 1e9 (see InterestMathTest)
    AaveReserve usdc =
        TestReserves.reserve(
            1, bitmap(7700, 8000, 10450, 6, 1000, 1), TestReserves.RAY, BigInteger.ZERO, TestReserves.RAY,
            big("31536000000000000000000000"), T - 2);
    AaveMarket m = market(T, weth, usdc).withPrices(Map.of(usdc.asset(), usd8("1")));
    AavePosition p =
        new AavePosition(
            addr(1),
            config(new int[] {0}, new int[] {1}),
            0,
            Map.of(0, supply(units("10", 18)), 1, borrow(units("15000", 6))));

    AaveAccountData d = AaveMath.accountData(p, m);

    // aToken balance rayMul(10e18, 1.02e27) = 10.2e18 -> 10.2 x $2,000 = $20,400
    assertThat(d.totalCollateralBase()).isEqualTo(usd8("20400"));
    // debt rayMul(15,000e6, 1e27 + 2e18 + 1e9) = 15,000,000,030 (+0.000000015 + 0.5 rounds down) -> $15,000.00003
    assertThat(d.totalDebtBase()).isEqualTo(1_500_000_003_000L);
    // percentMul($20,400, 82.5%) = $16,830; 16,830e8 x 1e18 / 15,000.00003e8 = 1.122e18 / 1.000000002
    //   = 1.122e18 - 2.244e9 + 4.488 - ... = ...004.488, plus the half-up 0.5 -> ...004
    assertThat(d.healthFactor()).isEqualTo(big("1121999997756000004"));
    // $16,320 - $15,000.00003 = $1,319.99997
    assertThat(d.availableBorrowsBase()).isEqualTo(131_999_997_000L);
  }

  @Test
  void shouldAddStableDebtWithInterestCompoundedSinceTheUsersLastUpdate() {
    // 1,000 USDC stable principal at 3.1536%/year, user updated 3 s ago: rayMul(1,000e6, 1e27 + 3e18 + 3e9 + 1)
    //   = 1,000,000,003 (1e9 x 3e-9 = 3; the rest rounds away)
    UserReserve stable = new UserReserve(BigInteger.ZERO, BigInteger.ZERO, units("1000", 6),
        big("31536000000000000000000000"), T - 3);
    AavePosition p =
        new AavePosition(
            addr(1), config(new int[] {0}, new int[] {1}), 0, Map.of(0, supply(units("1", 18)), 1, stable));
    AaveMarket m = market(T).withPrices(Map.of(USDC.asset(), usd8("1")));

    AaveAccountData d = AaveMath.accountData(p, m);

    // 1,000,000,003 x 1e8 / 1e6 = 100,000,000,300
    assertThat(d.totalDebtBase()).isEqualTo(100_000_000_300L);
    assertThat(stable.stableDebt(T)).isEqualTo(1_000_000_003L);
  }

  @Test
  void shouldUseTheEModeThresholdAndPriceSourceForCategoryAssetsOnly() {
    // e-mode 1 user: 1,000 DAI (category 1, priced by USD at $1 instead of $0.999) and 1 WETH (no category) as
    // collateral, 900 USDC (category 1, $1 instead of $1.0001) borrowed.
    AavePosition p =
        new AavePosition(
            addr(1),
            config(new int[] {0, 2}, new int[] {1}),
            1,
            Map.of(0, supply(units("1", 18)), 2, supply(units("1000", 18)), 1, borrow(units("900", 6))));

    AaveAccountData d = AaveMath.accountData(p, market(T));

    // $1,000 DAI + $2,000 WETH = $3,000; debt $900
    assertThat(d.totalCollateralBase()).isEqualTo(usd8("3000"));
    assertThat(d.totalDebtBase()).isEqualTo(usd8("900"));
    // threshold (1,000e8 x 9,500 + 2,000e8 x 8,250) / 3,000e8 = 8,666.67 -> 8,666
    assertThat(d.currentLiquidationThreshold()).isEqualTo(8666);
    // ltv (1,000e8 x 9,300 + 2,000e8 x 8,000) / 3,000e8 = 8,433.33 -> 8,433
    assertThat(d.ltv()).isEqualTo(8433);
    // percentMul(3,000e8, 8,666) = 2,599.8e8; / 900e8 = 2.888666...67 (half-up)
    assertThat(d.healthFactor()).isEqualTo(big("2888666666666666667"));
    // percentMul(3,000e8, 8,433) = 2,529.9e8; minus 900e8
    assertThat(d.availableBorrowsBase()).isEqualTo(usd8("1629.9"));
  }

  @Test
  void shouldIgnoreEModePricesForUsersOutsideEMode() {
    // same stablecoin pair, user not in e-mode: DAI at $0.999, USDC at $1.0001, thresholds 80%
    AavePosition p =
        new AavePosition(
            addr(1),
            config(new int[] {2}, new int[] {1}),
            0,
            Map.of(2, supply(units("1000", 18)), 1, borrow(units("700", 6))));

    AaveAccountData d = AaveMath.accountData(p, market(T));

    assertThat(d.totalCollateralBase()).isEqualTo(usd8("999"));
    // 700e6 x 1.0001e8 / 1e6 = 700.07e8
    assertThat(d.totalDebtBase()).isEqualTo(usd8("700.07"));
    // percentMul(999e8, 8,000) = 799.2e8; 799.2 / 700.07 = 1.141600125701715542|73... + half -> ...543
    assertThat(d.healthFactor()).isEqualTo(big("1141600125701715543"));
  }

  @Test
  void shouldCountZeroLtvCollateralInValueAndThresholdButNotInLtv() {
    // 100 ZLT ($1,000, ltv 0, threshold 50%) + 1 WETH ($2,000); 1,000 USDC debt at $1.0001
    AavePosition p =
        new AavePosition(
            addr(1),
            config(new int[] {0, 3}, new int[] {1}),
            0,
            Map.of(0, supply(units("1", 18)), 3, supply(units("100", 18)), 1, borrow(units("1000", 6))));

    AaveAccountData d = AaveMath.accountData(p, market(T));

    assertThat(d.totalCollateralBase()).isEqualTo(usd8("3000"));
    assertThat(d.hasZeroLtvCollateral()).isTrue();
    // ltv = 2,000e8 x 8,000 / 3,000e8 = 5,333.33 -> 5,333 (ZLT adds value, not ltv weight)
    assertThat(d.ltv()).isEqualTo(5333);
    // threshold = (2,000e8 x 8,250 + 1,000e8 x 5,000) / 3,000e8 = 7,166.67 -> 7,166
    assertThat(d.currentLiquidationThreshold()).isEqualTo(7166);
    // percentMul(3,000e8, 7,166) = 2,149.8e8; / 1,000.1e8 = 2.149585041495850414|958... + half -> ...415
    assertThat(d.healthFactor()).isEqualTo(big("2149585041495850415"));
  }

  @Test
  void shouldIgnoreACollateralBitOnAnAssetWithoutLiquidationThreshold() {
    AavePosition p =
        new AavePosition(
            addr(1),
            config(new int[] {0, 4}, new int[] {1}),
            0,
            Map.of(0, supply(units("1", 18)), 4, supply(units("1000", 18)), 1, borrow(units("100", 6))));

    AaveAccountData d = AaveMath.accountData(p, market(T));

    assertThat(d.totalCollateralBase()).isEqualTo(usd8("2000"));
    assertThat(d.currentLiquidationThreshold()).isEqualTo(8250);
  }

  @Test
  void shouldReportLiquidatableBelowOne() {
    // 1 WETH at $1,500, 1,200 USDC at $1: percentMul(1,500e8, 8,250) = 1,237.5e8; / 1,200e8 = 1.03125
    // at $1,400: 1,155e8 / 1,200e8 = 0.9625 -> liquidatable
    AavePosition p =
        new AavePosition(
            addr(1), config(new int[] {0}, new int[] {1}), 0,
            Map.of(0, supply(units("1", 18)), 1, borrow(units("1200", 6))));
    AaveMarket m = market(T).withPrices(Map.of(USDC.asset(), usd8("1")));

    assertThat(AaveMath.accountData(p, m.withPrices(Map.of(WETH.asset(), usd8("1500")))).healthFactor())
        .isEqualTo(big("1031250000000000000"));
    AaveAccountData crashed = AaveMath.accountData(p, m.withPrices(Map.of(WETH.asset(), usd8("1400"))));
    assertThat(crashed.healthFactor()).isEqualTo(big("962500000000000000"));
    assertThat(crashed.liquidatable()).isTrue();
  }

  @Test
  void shouldReturnMaxHealthWithoutDebtAndZerosForAnEmptyConfiguration() {
    AavePosition supplier =
        new AavePosition(addr(1), config(new int[] {0}, new int[] {}), 0, Map.of(0, supply(units("1", 18))));
    AaveAccountData d = AaveMath.accountData(supplier, market(T));
    assertThat(d.healthFactor()).isEqualTo(Units.MAX_UINT256);
    assertThat(d.totalCollateralBase()).isEqualTo(usd8("2000"));
    assertThat(d.availableBorrowsBase()).isEqualTo(usd8("1600"));

    AavePosition nobody = new AavePosition(addr(2), UserConfig.EMPTY, 0, Map.of());
    assertThat(AaveMath.accountData(nobody, market(T))).isEqualTo(AaveAccountData.EMPTY);
  }

  @Test
  void shouldSkipReserveIdsThatAreNotListed() {
    // a bit for reserve 9, which the market does not list (dropped): the contract skips address(0) entries
    AavePosition p =
        new AavePosition(
            addr(1), config(new int[] {0, 9}, new int[] {}), 0, Map.of(0, supply(units("1", 18))));
    assertThat(AaveMath.accountData(p, market(T)).totalCollateralBase()).isEqualTo(usd8("2000"));
  }

  @Test
  void shouldRefuseATimestampBeforeTheLastUpdateAndMissingInputs() {
    AavePosition p =
        new AavePosition(
            addr(1), config(new int[] {0}, new int[] {1}), 2,
            Map.of(0, supply(units("1", 18)), 1, borrow(units("1", 6))));
    assertThatThrownBy(() -> AaveMath.accountData(p, market(T))).hasMessageContaining("e-mode category 2");
    AavePosition q = new AavePosition(addr(1), p.config(), 0, p.reserves());
    assertThatThrownBy(() -> AaveMath.accountData(q, market(T - 1))).isInstanceOf(ArithmeticException.class);
    AaveMarket noPrice = new AaveMarket(market(T).reserves(), Map.of(), Map.of(), T);
    assertThatThrownBy(() -> AaveMath.accountData(q, noPrice)).hasMessageContaining("no oracle price");
  }
}
