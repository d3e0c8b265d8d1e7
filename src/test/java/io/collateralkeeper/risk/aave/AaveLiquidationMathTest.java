package io.collateralkeeper.risk.aave;

import static io.collateralkeeper.risk.aave.AaveMathTest.DAI;
import static io.collateralkeeper.risk.aave.AaveMathTest.T;
import static io.collateralkeeper.risk.aave.AaveMathTest.USDC;
import static io.collateralkeeper.risk.aave.AaveMathTest.WETH;
import static io.collateralkeeper.risk.aave.AaveMathTest.config;
import static io.collateralkeeper.risk.aave.AaveMathTest.market;
import static io.collateralkeeper.risk.aave.AaveMathTest.usd8;
import static io.collateralkeeper.risk.aave.TestReserves.addr;
import static io.collateralkeeper.risk.aave.TestReserves.big;
import static io.collateralkeeper.risk.aave.TestReserves.bitmap;
import static io.collateralkeeper.risk.aave.TestReserves.borrow;
import static io.collateralkeeper.risk.aave.TestReserves.supply;
import static io.collateralkeeper.risk.aave.TestReserves.units;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Pool.liquidationCall} computed locally, against examples worked by hand from LiquidationLogic.sol. The
 * borrower supplied 10 WETH (bonus 5%, protocol fee 10% of the bonus) and borrowed 15,000 USDC at $1; indexes 1.0.
 */
class AaveLiquidationMathTest {
  private static final BigInteger MAX = Units.MAX_UINT256;
  private final AavePosition borrower =
      new AavePosition(
          addr(1),
          config(new int[] {0}, new int[] {1}),
          0,
          Map.of(0, supply(units("10", 18)), 1, borrow(units("15000", 6))));

  private static AaveMarket wethAt(String dollars) {
    return market(T).withPrices(Map.of(WETH.asset(), usd8(dollars), USDC.asset(), usd8("1")));
  }

  private AaveLiquidationResult.Executed executed(AaveLiquidationResult r) {
    assertThat(r).isInstanceOf(AaveLiquidationResult.Executed.class);
    return (AaveLiquidationResult.Executed) r;
  }

  @Test
  void shouldCapTheRepaymentAtHalfTheDebtAboveHealth095() {
    // WETH $1,800: percentMul(18,000e8, 8,250) = 14,850e8; / 15,000e8 = 0.99 -> close factor 50%
    AaveLiquidationResult.Executed r =
        executed(AaveLiquidationMath.liquidationCall(borrower, wethAt("1800"), WETH.asset(), USDC.asset(), MAX, false));

    assertThat(r.healthFactor()).isEqualTo(big("990000000000000000"));
    assertThat(r.closeFactorBps()).isEqualTo(5000);
    // percentMul(15,000e6, 5,000) = 7,500e6
    assertThat(r.debtRepaid()).isEqualTo(units("7500", 6));
    // base = 1e8 x 7,500e6 x 1e18 / (1,800e8 x 1e6) = 4.1666...e18 -> 4,166,666,666,666,666,666
    // with bonus: (4,166,666,666,666,666,666 x 10,500 + 5,000) / 10,000 = 4,374,999,999,999,999,999 (.8 truncated)
    // bonus part: 4,374,999,999,999,999,999 - percentDiv(.., 10,500) = 4,374,999,999,999,999,999
    //   - 4,166,666,666,666,666,666 = 208,333,333,333,333,333; fee 10% -> (208,333,333,333,333,333,000 + 5,000)
    //   / 10,000 = 20,833,333,333,333,333
    assertThat(r.protocolFee()).isEqualTo(big("20833333333333333"));
    assertThat(r.collateralToLiquidator()).isEqualTo(big("4354166666666666666"));
    assertThat(r.debtFullyRepaid()).isFalse();
    assertThat(r.collateralExhausted()).isFalse();
    assertThat(r.userTotalDebt()).isEqualTo(units("15000", 6));
    assertThat(r.userCollateralBalance()).isEqualTo(units("10", 18));
  }

  @Test
  void shouldRepayALesserOfferInFull() {
    // debtToCover 1,000 USDC < the 7,500 cap: base = 1,000e6 x 1e8 x 1e18 / (1,800e8 x 1e6) = 555,555,555,555,555,555
    // x 1.05 -> (5,833,333,333,333,333,327,500 + 5,000) / 10,000 = 583,333,333,333,333,333
    AaveLiquidationResult.Executed r =
        executed(
            AaveLiquidationMath.liquidationCall(
                borrower, wethAt("1800"), WETH.asset(), USDC.asset(), units("1000", 6), false));

    assertThat(r.debtRepaid()).isEqualTo(units("1000", 6));
    // bonus: 583,333,333,333,333,333 - (5,833,333,333,333,333,330,000 + 5,250) / 10,500 (= 555,555,555,555,555,555)
    //   = 27,777,777,777,777,778; fee (27,777,777,777,777,778,000 + 5,000) / 10,000 = 2,777,777,777,777,778
    assertThat(r.protocolFee()).isEqualTo(big("2777777777777778"));
    assertThat(r.collateralToLiquidator()).isEqualTo(big("580555555555555555"));
  }

  @Test
  void shouldAllowTheWholeDebtAtOrBelowHealth095() {
    // WETH $1,700: 14,025e8 / 15,000e8 = 0.935 -> close factor 100%
    AaveLiquidationResult.Executed r =
        executed(AaveLiquidationMath.liquidationCall(borrower, wethAt("1700"), WETH.asset(), USDC.asset(), MAX, false));

    assertThat(r.closeFactorBps()).isEqualTo(10000);
    assertThat(r.debtRepaid()).isEqualTo(units("15000", 6));
    // base = 15,000e6 x 1e8 x 1e18 / (1,700e8 x 1e6) = 8,823,529,411,764,705,882; x 1.05 = 9,264,705,882,352,941,176
    // bonus = 9,264,705,882,352,941,176 - 8,823,529,411,764,705,882 = 441,176,470,588,235,294; 10% = 44,117,647,...,529
    assertThat(r.protocolFee()).isEqualTo(big("44117647058823529"));
    assertThat(r.collateralToLiquidator()).isEqualTo(big("9220588235294117647"));
    assertThat(r.debtFullyRepaid()).isTrue();
  }

  @Test
  void shouldUseExactly095AsTheFullCloseFactorBoundary() {
    assertThat(AaveLiquidationMath.closeFactorBps(big("950000000000000000"))).isEqualTo(10000);
    assertThat(AaveLiquidationMath.closeFactorBps(big("950000000000000001"))).isEqualTo(5000);
  }

  @Test
  void shouldTakeAllCollateralAndScaleTheDebtDownWhenCollateralIsShort() {
    // WETH $1,000: HF 0.55, 100%: base 15e18 x 1.05 = 15.75e18 > 10e18 held
    AaveLiquidationResult.Executed r =
        executed(AaveLiquidationMath.liquidationCall(borrower, wethAt("1000"), WETH.asset(), USDC.asset(), MAX, false));

    // debt needed = percentDiv(1,000e8 x 10e18 x 1e6 / (1e8 x 1e18) = 10,000e6, 10,500)
    //   = (1e14 + 5,250) / 10,500 = 9,523,809,524.3 -> 9,523,809,524
    assertThat(r.debtRepaid()).isEqualTo(9_523_809_524L);
    // bonus = 10e18 - (1e23 + 5,250) / 10,500 (= 9,523,809,523,809,523,810) = 476,190,476,190,476,190;
    // fee = (476,190,476,190,476,190,000 + 5,000) / 10,000 = 47,619,047,619,047,619
    assertThat(r.protocolFee()).isEqualTo(big("47619047619047619"));
    assertThat(r.collateralToLiquidator()).isEqualTo(big("9952380952380952381"));
    assertThat(r.collateralExhausted()).isTrue();
    assertThat(r.debtFullyRepaid()).isFalse();
  }

  @Test
  void shouldCapTheProtocolFeeAtTheScaledBalanceLeftAfterTheBurn() {
    // 0-decimal assets at $1. Collateral C: 7 scaled at index 1.5
    //   -> rayMul(7, 1.5e27) = (10.5e27 + 0.5e27) / 1e27 = 11;
    // threshold 80%, bonus 5%, protocol fee 50%. Debt D: 10. HF = percentMul(11e8, 8,000) / 10e8 = 0.88 -> 100%.
    AaveReserve c =
        TestReserves.reserve(
            5, bitmap(7000, 8000, 10500, 0, 5000, 0), big("1500000000000000000000000000"), BigInteger.ZERO,
            TestReserves.RAY, BigInteger.ZERO, T);
    AaveReserve d = TestReserves.fresh(6, bitmap(7000, 8000, 10500, 0, 0, 0), T);
    AaveMarket m =
        new AaveMarket(
            Map.of(5, c, 6, d), Map.of(c.asset(), usd8("1"), d.asset(), usd8("1")), Map.of(), T);
    AavePosition p =
        new AavePosition(
            addr(1), config(new int[] {5}, new int[] {6}), 0,
            Map.of(5, supply(BigInteger.valueOf(7)), 6, borrow(BigInteger.TEN)));

    AaveLiquidationResult.Executed r =
        executed(AaveLiquidationMath.liquidationCall(p, m, c.asset(), d.asset(), MAX, false));

    // base 10, x 1.05 = (105,000 + 5,000) / 10,000 = 11 = balance -> collateral 11, debt 10;
    // bonus 11 - percentDiv(11, 10,500) = 11 - 10 = 1; fee percentMul(1, 5,000) = 1; to liquidator 10
    // burn rayDiv(10, 1.5e27) = 7 scaled -> 0 left; rayDiv(fee 1, 1.5e27) = 1 > 0 -> fee = rayMul(0, 1.5e27) = 0
    assertThat(r.collateralToLiquidator()).isEqualTo(10);
    assertThat(r.protocolFee()).isZero();
    assertThat(r.debtRepaid()).isEqualTo(10);
    assertThat(r.collateralExhausted()).isTrue();
  }

  @Test
  void shouldUseTheEModeBonusAndPriceSourceForCollateralAndDebt() {
    // e-mode 1 (threshold 95%, bonus 1%, USD price source at $1): 1,000 DAI collateral, 960 USDC debt.
    // HF = percentMul(1,000e8, 9,500) / 960e8 = 0.98958333... -> 50%: 480 USDC
    AavePosition p =
        new AavePosition(
            addr(1), config(new int[] {2}, new int[] {1}), 1,
            Map.of(2, supply(units("1000", 18)), 1, borrow(units("960", 6))));

    AaveLiquidationResult.Executed r =
        executed(AaveLiquidationMath.liquidationCall(p, market(T), DAI.asset(), USDC.asset(), MAX, false));

    assertThat(r.healthFactor()).isEqualTo(big("989583333333333333"));
    assertThat(r.debtRepaid()).isEqualTo(units("480", 6));
    // both priced $1 by the category: base 480e18; x 1.01 = 484.8e18; bonus 4.8e18; fee 10% = 0.48e18
    assertThat(r.protocolFee()).isEqualTo(units("0.48", 18));
    assertThat(r.collateralToLiquidator()).isEqualTo(units("484.32", 18));
  }

  @Test
  void shouldRevertLikeTheValidationDoes() {
    Address weth = WETH.asset();
    Address usdc = USDC.asset();
    // healthy at $2,000 (HF 1.1)
    assertThat(AaveLiquidationMath.liquidationCall(borrower, wethAt("2000"), weth, usdc, MAX, false))
        .isEqualTo(new AaveLiquidationResult.Reverted("45", "health factor not below 1"));
    // DAI is not the borrower's collateral
    assertThat(AaveLiquidationMath.liquidationCall(borrower, wethAt("1000"), DAI.asset(), usdc, MAX, false))
        .extracting(x -> ((AaveLiquidationResult.Reverted) x).errorCode()).isEqualTo("46");
    // DAI is not borrowed
    assertThat(AaveLiquidationMath.liquidationCall(borrower, wethAt("1000"), weth, DAI.asset(), MAX, false))
        .extracting(x -> ((AaveLiquidationResult.Reverted) x).errorCode()).isEqualTo("47");
    // nothing to burn
    assertThat(AaveLiquidationMath.liquidationCall(borrower, wethAt("1000"), weth, usdc, BigInteger.ZERO, false))
        .extracting(x -> ((AaveLiquidationResult.Reverted) x).errorCode()).isEqualTo("25");
    // unknown asset
    assertThat(AaveLiquidationMath.liquidationCall(borrower, wethAt("1000"), addr(0xBAD), usdc, MAX, false))
        .isInstanceOf(AaveLiquidationResult.Reverted.class);
  }

  @Test
  void shouldRevertOnPausedOrInactiveReserves() {
    AaveReserve pausedUsdc =
        TestReserves.fresh(1, bitmap(7700, 8000, 10450, 6, 1000, 1).setBit(60), T);
    AaveReserve inactiveWeth =
        TestReserves.fresh(0, bitmap(8000, 8250, 10500, 18, 1000, 0).clearBit(56), T);
    AaveMarket paused = market(T, pausedUsdc).withPrices(Map.of(WETH.asset(), usd8("1000")));
    AaveMarket inactive = market(T, inactiveWeth).withPrices(Map.of(WETH.asset(), usd8("1000")));

    assertThat(AaveLiquidationMath.liquidationCall(borrower, paused, WETH.asset(), USDC.asset(), MAX, false))
        .extracting(x -> ((AaveLiquidationResult.Reverted) x).errorCode()).isEqualTo("29");
    assertThat(AaveLiquidationMath.liquidationCall(borrower, inactive, WETH.asset(), USDC.asset(), MAX, false))
        .extracting(x -> ((AaveLiquidationResult.Reverted) x).errorCode()).isEqualTo("27");
  }
}
