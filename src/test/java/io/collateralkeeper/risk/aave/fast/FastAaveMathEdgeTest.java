package io.collateralkeeper.risk.aave.fast;

import static io.collateralkeeper.risk.aave.fast.RandomAave.RAY;
import static io.collateralkeeper.risk.aave.fast.RandomAave.T;
import static io.collateralkeeper.risk.aave.fast.RandomAave.USD;
import static io.collateralkeeper.risk.aave.fast.RandomAave.addr;
import static io.collateralkeeper.risk.aave.fast.RandomAave.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import io.collateralkeeper.risk.aave.ReserveConfig;
import io.collateralkeeper.risk.aave.UserConfig;
import io.collateralkeeper.risk.aave.UserReserve;
import io.collateralkeeper.risk.aave.WadRayMath;
import io.collateralkeeper.risk.fast.Int128;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-built cases for each rounding tie and each special case of {@code calculateUserAccountData}: the fast path
 * must give the worked value (not only AaveMath's), and the fallback must take what does not fit.
 */
class FastAaveMathEdgeTest {
  private static final BigInteger E18 = Units.WAD;

  /** A reserve with 0 decimals unless given, indexes fixed at {@code index} (no accrual). */
  private static AaveReserve reserve(int id, int ltv, int threshold, int decimals, int eMode, BigInteger index) {
    BigInteger bitmap =
        BigInteger.valueOf(ltv)
            .or(BigInteger.valueOf(threshold).shiftLeft(16))
            .or(BigInteger.valueOf(10_500).shiftLeft(32))
            .or(BigInteger.valueOf(decimals).shiftLeft(48))
            .setBit(56)
            .or(BigInteger.valueOf(eMode).shiftLeft(168))
            .or(BigInteger.valueOf(1_000_000).shiftLeft(212)); // a debt ceiling: an isolated asset
    return new AaveReserve(
        asset(id), id, ReserveConfig.decode(bitmap), index, BigInteger.ZERO, index, BigInteger.ZERO,
        BigInteger.ZERO, T, addr(0x200 + id), addr(0x300 + id), addr(0x400 + id));
  }

  private static AaveMarket market(Map<Integer, BigInteger> prices, AaveReserve... reserves) {
    Map<Integer, AaveReserve> byId = new HashMap<>();
    Map<Address, BigInteger> p = new HashMap<>();
    for (AaveReserve r : reserves) byId.put(r.id(), r);
    prices.forEach((id, price) -> p.put(asset(id), price));
    p.put(USD, BigInteger.valueOf(100_000_000));
    EModeCategory withSource = new EModeCategory(1, 9000, 9500, 10_100, USD, "priced");
    EModeCategory ownPrices = new EModeCategory(2, 9300, 9700, 10_100, Address.ZERO, "own");
    return new AaveMarket(byId, p, Map.of(1, withSource, 2, ownPrices), T);
  }

  private static AavePosition position(int eMode, int[] collateral, int[] borrowed, Map<Integer, UserReserve> b) {
    UserConfig c = UserConfig.EMPTY;
    for (int id : collateral) c = c.withCollateral(id, true);
    for (int id : borrowed) c = c.withBorrowing(id, true);
    return new AavePosition(addr(1), c, eMode, b);
  }

  private static UserReserve balances(long supplied, long borrowed) {
    return new UserReserve(
        BigInteger.valueOf(supplied), BigInteger.valueOf(borrowed), BigInteger.ZERO, BigInteger.ZERO, 0);
  }

  /** Evaluates through the fast path, checks it was taken and equals AaveMath, and returns the result. */
  private static AaveAccountData fast(AavePosition p, AaveMarket m) {
    AccountResult out = new AccountResult();
    new FastAaveMath().evaluate(CompactPosition.of(p), AaveMarketView.of(m), out);
    assertThat(out.fastPath()).as("fast path").isTrue();
    assertThat(out.toAccountData()).isEqualTo(AaveMath.accountData(p, m));
    return out.toAccountData();
  }

  @Test
  void rayMulRoundsAnExactHalfUp() {
    // supply 1 at an index of 1.5 ray: (1.5e27 + 0.5e27) / 1e27 = 2; debt 1 at 2.5 ray: 3
    AaveMarket m =
        market(
            Map.of(0, BigInteger.ONE, 1, BigInteger.ONE),
            reserve(0, 5000, 10_000, 0, 0, RAY.multiply(BigInteger.valueOf(3)).shiftRight(1)),
            reserve(1, 0, 0, 0, 0, RAY.multiply(BigInteger.valueOf(5)).shiftRight(1)));
    AaveAccountData d = fast(position(0, new int[] {0}, new int[] {1}, Map.of(0, balances(1, 0), 1, balances(0, 1))), m);
    assertThat(d.totalCollateralBase()).isEqualTo(2);
    assertThat(d.totalDebtBase()).isEqualTo(3);
  }

  @Test
  void percentMulAndWadDivRoundExactHalvesUp() {
    // collateral 3 at a 50% threshold: percentMul(3, 5000) = (15000 + 5000) / 10000 = 2 (a tie rounded up)
    AaveMarket m =
        market(
            Map.of(0, BigInteger.ONE, 1, BigInteger.ONE),
            reserve(0, 5000, 5000, 0, 0, RAY),
            reserve(1, 0, 0, 0, 0, RAY));
    long debt = 1L << 19;
    AaveAccountData d =
        fast(position(0, new int[] {0}, new int[] {1}, Map.of(0, balances(3, 0), 1, balances(0, debt))), m);
    // debt 2^19: wadDiv(2, 2^19) = (2e18 + 2^18) / 2^19 = 5^18 (2e18 = 2^19 x 5^18, the half is dropped)
    assertThat(d.healthFactor()).isEqualTo(BigInteger.valueOf(5).pow(18));
    // adjusted collateral 3 (collateral 5 at 50%: (25000 + 5000) / 10000 = 3): 3e18 / 2^19 leaves exactly half
    d = fast(position(0, new int[] {0}, new int[] {1}, Map.of(0, balances(5, 0), 1, balances(0, debt))), m);
    BigInteger numerator = BigInteger.valueOf(3).multiply(E18);
    assertThat(numerator.mod(BigInteger.valueOf(debt))).isEqualTo(BigInteger.valueOf(debt / 2));
    assertThat(d.healthFactor()).isEqualTo(numerator.divide(BigInteger.valueOf(debt)).add(BigInteger.ONE));
    assertThat(d.availableBorrowsBase()).isZero(); // percentMul(5, 5000) = 3 < 2^19
  }

  @Test
  void liquidatableWithoutDivisionAgreesWithTheHealthFactorAtAndAroundOne() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    int atOne = 0;
    for (int i = 0; i < 200_000; i++) {
      long debt = i < 1_000 ? 1 + i : r.nextLong(1, Long.MAX_VALUE >>> r.nextInt(62));
      // adjusted collateral near the debt (health near 1), sometimes anywhere below 2^64
      long adjusted = r.nextInt(4) == 0 ? r.nextLong() : Math.max(0, debt + r.nextLong(-3, 4));
      BigInteger health = FastAaveMath.healthFactor(adjusted, debt);
      BigInteger expected =
          WadRayMath.wadDiv(Int128.unsigned(adjusted), BigInteger.valueOf(debt));
      assertThat(health).isEqualTo(expected);
      assertThat(FastAaveMath.liquidatable(adjusted, debt)).as("%d / %d", adjusted, debt)
          .isEqualTo(health.compareTo(E18) < 0);
      if (health.equals(E18)) atOne++;
    }
    assertThat(atOne).as("health factors of exactly 1.0").isGreaterThan(100);
    assertThat(FastAaveMath.liquidatable(5, 0)).isFalse();
    assertThat(FastAaveMath.healthFactor(5, 0)).isEqualTo(Units.MAX_UINT256);
  }

  @Test
  void eModeWithAPriceSourcePricesCategoryAssetsByIt() {
    // reserve 0 (category 1) at $0.50 own price, valued at the source's $1 for a category-1 user
    AaveMarket m =
        market(
            Map.of(0, BigInteger.valueOf(50_000_000), 1, BigInteger.valueOf(100_000_000)),
            reserve(0, 7000, 8000, 6, 1, RAY),
            reserve(1, 7000, 8000, 6, 1, RAY));
    Map<Integer, UserReserve> b = Map.of(0, balances(1_000_000_000, 0), 1, balances(0, 500_000_000));
    AaveAccountData inEMode = fast(position(1, new int[] {0}, new int[] {1}, b), m);
    assertThat(inEMode.totalCollateralBase()).isEqualTo(100_000_000_000L); // 1000 tokens x $1
    assertThat(inEMode.currentLiquidationThreshold()).isEqualTo(9500);
    assertThat(inEMode.ltv()).isEqualTo(9000);
    AaveAccountData outside = fast(position(0, new int[] {0}, new int[] {1}, b), m);
    assertThat(outside.totalCollateralBase()).isEqualTo(50_000_000_000L);
    assertThat(outside.currentLiquidationThreshold()).isEqualTo(8000);
  }

  @Test
  void eModeWithoutAPriceSourceKeepsOwnPricesButTakesTheCategoryRisk() {
    AaveMarket m =
        market(
            Map.of(0, BigInteger.valueOf(50_000_000), 1, BigInteger.valueOf(100_000_000)),
            reserve(0, 7000, 8000, 6, 2, RAY),
            reserve(1, 7000, 8000, 6, 0, RAY));
    Map<Integer, UserReserve> b = Map.of(0, balances(1_000_000_000, 0), 1, balances(1_000_000_000, 1_000));
    AaveAccountData d = fast(position(2, new int[] {0, 1}, new int[] {1}, b), m);
    // $500 at 97% (category 2) + $1000 at 80% (not in it): floor((500e8 x 9700 + 1000e8 x 8000) / 1500e8) = 8566
    assertThat(d.totalCollateralBase()).isEqualTo(150_000_000_000L);
    assertThat(d.currentLiquidationThreshold()).isEqualTo(8566);
  }

  @Test
  void zeroLtvCollateralCountsForHealthButNotForBorrowing() {
    AaveMarket m =
        market(
            Map.of(0, BigInteger.valueOf(100_000_000), 1, BigInteger.valueOf(100_000_000)),
            reserve(0, 0, 8000, 6, 0, RAY),
            reserve(1, 7000, 8000, 6, 0, RAY));
    Map<Integer, UserReserve> b = Map.of(0, balances(1_000_000, 0), 1, balances(1_000_000, 500_000));
    AaveAccountData d = fast(position(0, new int[] {0, 1}, new int[] {1}, b), m);
    assertThat(d.hasZeroLtvCollateral()).isTrue();
    assertThat(d.ltv()).isEqualTo(3500); // (0 x 1e8 + 7000 x 1e8) / 2e8
    assertThat(d.currentLiquidationThreshold()).isEqualTo(8000);
  }

  @Test
  void stableDebtAccruesAtTheUsersRate() {
    AaveMarket m =
        market(
            Map.of(0, BigInteger.valueOf(100_000_000), 1, BigInteger.valueOf(100_000_000)),
            reserve(0, 7000, 8000, 6, 0, RAY),
            reserve(1, 7000, 8000, 6, 0, RAY));
    UserReserve stable =
        new UserReserve(
            BigInteger.ZERO, BigInteger.valueOf(100_000_000), BigInteger.valueOf(200_000_000),
            RAY.divide(BigInteger.TEN), T - 365 * 86_400L);
    AavePosition p = position(0, new int[] {0}, new int[] {1}, Map.of(0, balances(1_000_000_000, 0), 1, stable));
    AaveAccountData d = fast(p, m);
    BigInteger stableDebt = stable.stableDebt(T);
    assertThat(stableDebt).isGreaterThan(BigInteger.valueOf(220_000_000)); // 10% compounded for a year
    assertThat(d.totalDebtBase()).isEqualTo(stableDebt.add(BigInteger.valueOf(100_000_000)).multiply(BigInteger.valueOf(100)));
    // the cached balance serves a second evaluation at the same block
    assertThat(fast(p, m)).isEqualTo(d);
  }

  @Test
  void emptyAndUnlistedConfigurationsGiveTheEmptyAccount() {
    AaveMarket m = market(Map.of(0, BigInteger.ONE), reserve(0, 5000, 8000, 0, 0, RAY));
    assertThat(fast(position(0, new int[] {}, new int[] {}, Map.of()), m)).isEqualTo(AaveAccountData.EMPTY);
    // reserve 3 is not listed (dropped): skipped, as the pool skips address(0)
    assertThat(fast(position(0, new int[] {3}, new int[] {3}, Map.of(3, balances(5, 5))), m))
        .isEqualTo(AaveAccountData.EMPTY);
  }

  @Test
  void hugeValuesGoToTheBigIntegerPathWithTheSameResult() {
    AaveMarket m =
        market(
            Map.of(0, BigInteger.valueOf(100_000_000), 1, BigInteger.valueOf(100_000_000)),
            reserve(0, 7000, 8000, 6, 0, RAY),
            reserve(1, 7000, 8000, 6, 0, RAY));
    AaveMarketView view = AaveMarketView.of(m);
    AccountResult out = new AccountResult();
    FastAaveMath math = new FastAaveMath();
    // a balance of 2^130: not packable in 128 bits
    UserReserve huge = new UserReserve(BigInteger.ONE.shiftLeft(130), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0);
    AavePosition p = position(0, new int[] {0}, new int[] {1}, Map.of(0, huge, 1, balances(0, 1_000)));
    assertThat(CompactPosition.of(p).fast()).isFalse();
    math.evaluate(CompactPosition.of(p), view, out);
    assertThat(out.fastPath()).isFalse();
    assertThat(out.toAccountData()).isEqualTo(AaveMath.accountData(p, m));
    // collateral worth 2^63 base units or more: packable, but the totals leave the fast path
    UserReserve rich = new UserReserve(BigInteger.ONE.shiftLeft(100), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0);
    p = position(0, new int[] {0}, new int[] {1}, Map.of(0, rich, 1, balances(0, 1_000)));
    assertThat(CompactPosition.of(p).fast()).isTrue();
    math.evaluate(CompactPosition.of(p), view, out);
    assertThat(out.fastPath()).isFalse();
    assertThat(out.toAccountData()).isEqualTo(AaveMath.accountData(p, m));
  }

  @Test
  void missingPricesAndCategoriesThrowAsAaveMath() {
    AaveMarket m = market(Map.of(0, BigInteger.ONE), reserve(0, 5000, 8000, 0, 0, RAY), reserve(1, 5000, 8000, 0, 0, RAY));
    AaveMarketView view = AaveMarketView.of(m);
    AavePosition noPrice = position(0, new int[] {1}, new int[] {}, Map.of(1, balances(5, 0)));
    assertThatThrownBy(() -> new FastAaveMath().evaluate(CompactPosition.of(noPrice), view, new AccountResult()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no oracle price");
    AavePosition noCategory = position(7, new int[] {0}, new int[] {}, Map.of(0, balances(5, 0)));
    assertThatThrownBy(() -> new FastAaveMath().evaluate(CompactPosition.of(noCategory), view, new AccountResult()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e-mode category 7");
  }
}
