package io.collateralkeeper.risk.aave;

import static io.collateralkeeper.risk.aave.AaveMathTest.USDC;
import static io.collateralkeeper.risk.aave.AaveMathTest.WETH;
import static io.collateralkeeper.risk.aave.AaveMathTest.config;
import static io.collateralkeeper.risk.aave.AaveMathTest.market;
import static io.collateralkeeper.risk.aave.TestReserves.addr;
import static io.collateralkeeper.risk.aave.TestReserves.borrow;
import static io.collateralkeeper.risk.aave.TestReserves.supply;
import static io.collateralkeeper.risk.aave.TestReserves.units;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.ProtectOption;
import io.collateralkeeper.strategy.protect.Sizer;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Supply, repay and withdraw applied locally, and the top-up / repay sizes they give, against hand computations.
 *
 * <p>The position: 10 WETH ($2,000, liquidation threshold 82.5%) against 15,000 USDC of variable debt (USDC at
 * $1.0001). Collateral $20,000, debt $15,001.50, health = 20,000 x 0.825 / 15,001.5 = 1.09989.
 */
class AaveUserOpsTest {
  private static final long T = AaveMathTest.T;
  private static final BigInteger TARGET = new BigInteger("1500000000000000000");
  private static final AavePosition P =
      new AavePosition(addr(1), config(new int[] {0}, new int[] {1}), 0,
          Map.of(0, supply(units("10", 18)), 1, borrow(units("15000", 6))));

  /*
   * Health 1.5 needs collateral >= 1.5 x 15,001.5 / 0.825 = $27,275.4545..., i.e. 7,275.4545 / 2,000 = 3.6377273 WETH.
   */
  @Test
  void supplySizedToTheTarget() {
    AaveMarket m = market(T);
    Function<BigInteger, BigInteger> h = a -> AaveMath.accountData(AaveUserOps.supply(P, m, WETH.asset(), a), m).healthFactor();
    ProtectOption o = Sizer.raise(ActionKind.TOP_UP, 0, Optional.of(WETH.asset()), "WETH", h,
        AaveMath.accountData(P, m).healthFactor(), TARGET, Sizer.UNBOUNDED, units("100", 18));

    assertThat(o.reachesTarget()).isTrue();
    assertThat(o.amount()).isBetween(units("3.6377272", 18), units("3.6377274", 18));
    assertThat(h.apply(o.amount().subtract(BigInteger.ONE))).isLessThan(TARGET);
  }

  /*
   * Health 1.5 needs debt <= 16,500 / 1.5 = $11,000, i.e. $4,001.50 repaid = 4,001.5 / 1.0001 = 4,001.09989 USDC.
   */
  @Test
  void repaySizedToTheTarget() {
    AaveMarket m = market(T);
    Function<BigInteger, BigInteger> h =
        a -> AaveMath.accountData(AaveUserOps.repayVariable(P, m, USDC.asset(), a), m).healthFactor();
    ProtectOption o = Sizer.raise(ActionKind.REPAY, 1, Optional.of(USDC.asset()), "USDC", h,
        AaveMath.accountData(P, m).healthFactor(), TARGET, units("15000", 6), units("100000", 6));

    assertThat(o.reachesTarget()).isTrue();
    assertThat(o.amount()).isBetween(units("4001.0998", 6), units("4001.1", 6));
    assertThat(h.apply(o.amount().subtract(BigInteger.ONE))).isLessThan(TARGET);
  }

  @Test
  void supplyMintsScaledUnitsAtTheAccruedIndex() {
    // liquidity index 1.05 ray, no rate: 105 WETH supplied mint 100 scaled units
    AaveReserve weth = TestReserves.reserve(0, TestReserves.bitmap(8000, 8250, 10500, 18, 1000, 0),
        TestReserves.RAY.multiply(BigInteger.valueOf(105)).divide(BigInteger.valueOf(100)), BigInteger.ZERO,
        TestReserves.RAY, BigInteger.ZERO, T);
    AavePosition after = AaveUserOps.supply(P, market(T, weth), weth.asset(), units("105", 18));
    assertThat(after.reserve(0).scaledATokenBalance()).isEqualTo(units("110", 18));
  }

  @Test
  void repayingEverythingClearsTheBorrowingFlag() {
    AavePosition after = AaveUserOps.repayVariable(P, market(T), USDC.asset(), units("15000", 6));
    assertThat(after.reserve(1).scaledVariableDebt()).isZero();
    assertThat(after.config().isBorrowing(1)).isFalse();
    assertThat(AaveMath.accountData(after, market(T)).healthFactor()).isEqualTo(io.collateralkeeper.risk.Units.MAX_UINT256);
  }

  @Test
  void aFirstSupplyBecomesCollateralUnlessIsolationForbidsIt() {
    AavePosition empty = new AavePosition(addr(2), UserConfig.EMPTY, 0, Map.of());
    AavePosition after = AaveUserOps.supply(empty, market(T), USDC.asset(), units("10", 6));
    assertThat(after.config().isUsingAsCollateral(1)).isTrue();
    AavePosition zeroLtv = AaveUserOps.supply(empty, market(T), AaveMathTest.ZLT.asset(), units("10", 18));
    assertThat(zeroLtv.config().isUsingAsCollateral(3)).isFalse();
  }

  @Test
  void withdrawingEverythingTurnsCollateralOff() {
    AavePosition lender = new AavePosition(addr(3), config(new int[] {0}, new int[] {}), 0, Map.of(0, supply(units("10", 18))));
    AavePosition after = AaveUserOps.withdraw(lender, market(T), WETH.asset(), units("10", 18));
    assertThat(after.config().isUsingAsCollateral(0)).isFalse();
    assertThat(after.reserve(0).scaledATokenBalance()).isZero();
  }
}
