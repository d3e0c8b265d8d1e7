package io.collateralkeeper.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The vault's margin math against hand-worked examples. Every expected number below is computed by hand in the
 * comment next to it, following the integer formulas of {@code CrossMarginVault.sol} (all divisions truncate toward
 * zero); none is copied from the implementation's output.
 */
class VaultMathTest {

  // ETH-USD perpetual: initial 10%, maintenance 5%, liquidation fee 2.5%.
  private static final VaultMarket ETH_PERP = new VaultMarket(0, 1_000, 500, 250);
  private static final VaultCollateral USDC = new VaultCollateral(0, 6, 0);

  private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);

  @Nested
  class AccountValueAndHealth {

    private final VaultConfig config = new VaultConfig(List.of(USDC), List.of(ETH_PERP), 3600);

    @Test
    void shouldCountAGainingUsdcBackedLongAtCollateralPlusUnrealizedPnl() {
      // 1,000 USDC, long 2 ETH from $2,000, mark $2,100.
      VaultAccount account = account(List.of(tokens("1000", 6)), "0", List.of(eth("2")), List.of(price("2000")));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("2100"))));

      // collateral 1,000 x $1 = $1,000; PnL 2 x (2,100 - 2,000) = +$200; equity $1,200
      assertThat(v.equity()).isEqualTo(usd("1200"));
      // notional 2 x 2,100 = $4,200; maintenance 5% = $210; initial 10% = $420
      assertThat(v.maintenance()).isEqualTo(usd("210"));
      assertThat(v.initial()).isEqualTo(usd("420"));
      // 1,200 / 210 = 40/7 = 5.714285714285714285|714... -> truncated to 18 decimals
      assertThat(v.healthFactor()).isEqualTo(new BigInteger("5714285714285714285"));
      assertThat(v.liquidatable()).isFalse();
    }

    @Test
    void shouldSubtractTheUnrealizedLossOfALosingUsdcBackedLong() {
      // 1,000 USDC, long 2 ETH from $2,000, mark $1,600.
      VaultAccount account = account(List.of(tokens("1000", 6)), "0", List.of(eth("2")), List.of(price("2000")));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("1600"))));

      // PnL 2 x (1,600 - 2,000) = -$800; equity 1,000 - 800 = $200
      assertThat(v.equity()).isEqualTo(usd("200"));
      // notional $3,200; maintenance 5% = $160; initial 10% = $320
      assertThat(v.maintenance()).isEqualTo(usd("160"));
      assertThat(v.initial()).isEqualTo(usd("320"));
      // 200 / 160 = 1.25 exactly
      assertThat(v.healthFactor()).isEqualTo(new BigInteger("1250000000000000000"));
    }

    @Test
    void shouldBeLiquidatableOnceEquityFallsBelowMaintenance() {
      // 100 USDC, long 1 ETH from $2,000, mark $1,910: equity 100 - 90 = $10; maintenance 5% x 1,910 = $95.50
      VaultAccount account = account(List.of(tokens("100", 6)), "0", List.of(eth("1")), List.of(price("2000")));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("1910"))));

      assertThat(v.equity()).isEqualTo(usd("10"));
      assertThat(v.maintenance()).isEqualTo(usd("95.5"));
      // 10 / 95.5 = 0.104712041884816753|9... -> 104712041884816753 wei
      assertThat(v.healthFactor()).isEqualTo(new BigInteger("104712041884816753"));
      assertThat(v.liquidatable()).isTrue();
    }

    @Test
    void shouldApplyEachCollateralsHaircutAndAddCashAcrossSeveralCollaterals() {
      // USDC (6 dp) 1% haircut at $0.999; WETH (18 dp) 15% haircut at $3,000; cash -$100; no position.
      VaultConfig multi =
          new VaultConfig(
              List.of(new VaultCollateral(0, 6, 100), new VaultCollateral(1, 18, 1_500)), List.of(ETH_PERP), 3600);
      VaultAccount account =
          account(List.of(tokens("250", 6), tokens("0.5", 18)), "-100", List.of(BigInteger.ZERO), List.of(BigInteger.ZERO));

      AccountValue v =
          VaultMath.value(multi, account, prices(List.of(price("0.999"), price("3000")), List.of(price("2000"))));

      // USDC: 250 x 0.999 x 0.99 = 247.2525; WETH: 0.5 x 3,000 x 0.85 = 1,275; cash -100
      // equity = 247.2525 + 1,275 - 100 = 1,422.2525
      assertThat(v.equity()).isEqualTo(usd("1422.2525"));
      assertThat(v.maintenance()).isZero();
      assertThat(v.initial()).isZero();
    }

    @Test
    void shouldTruncateTheHaircutCollateralValueOnce() {
      // 1 raw unit of an 8-dp token at $0.00000003 with a 50% haircut:
      // 1 x 3 x 5,000 x 1e10 / (1e8 x 1e4) = 1.5e14 / 1e12 = 150 wei exactly
      // and 1 raw unit at $0.00000001: 1 x 1 x 5,000 x 1e10 / 1e12 = 50 wei
      VaultConfig tiny = new VaultConfig(List.of(new VaultCollateral(0, 8, 5_000)), List.of(ETH_PERP), 3600);
      VaultAccount account = account(List.of(BigInteger.ONE), "0", List.of(BigInteger.ZERO), List.of(BigInteger.ZERO));

      assertThat(VaultMath.value(tiny, account, prices(List.of(BigInteger.valueOf(3)), List.of(price("1")))).equity())
          .isEqualTo(BigInteger.valueOf(150));
      // 18-dp token, 1 wei at $0.00000001, 50% haircut: 1 x 1 x 5,000 x 1e10 / 1e22 = 5e13 / 1e22 -> 0
      VaultConfig wad = new VaultConfig(List.of(new VaultCollateral(0, 18, 5_000)), List.of(ETH_PERP), 3600);
      assertThat(VaultMath.value(wad, account, prices(List.of(BigInteger.ONE), List.of(price("1")))).equity())
          .isZero();
    }

    @Test
    void shouldGiveZeroHealthWhenEquityIsNegative() {
      // 100 USDC, long 1 ETH from $2,000, mark $1,800: equity 100 - 200 = -$100; maintenance $90
      VaultAccount account = account(List.of(tokens("100", 6)), "0", List.of(eth("1")), List.of(price("2000")));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("1800"))));

      assertThat(v.equity()).isEqualTo(usd("-100"));
      assertThat(v.maintenance()).isEqualTo(usd("90"));
      assertThat(v.healthFactor()).isZero();
      assertThat(v.liquidatable()).isTrue();
    }

    @Test
    void shouldGiveZeroHealthWhenEquityIsExactlyZero() {
      // 100 USDC, long 1 ETH from $2,000, mark $1,900: equity 100 - 100 = 0
      VaultAccount account = account(List.of(tokens("100", 6)), "0", List.of(eth("1")), List.of(price("2000")));

      assertThat(VaultMath.healthFactor(config, account, prices(List.of(price("1")), List.of(price("1900")))))
          .isZero();
    }

    @Test
    void shouldGiveUint256MaxHealthWithoutAnyPosition() {
      VaultAccount account =
          account(List.of(tokens("100", 6)), "0", List.of(BigInteger.ZERO), List.of(BigInteger.ZERO));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("1900"))));

      assertThat(v.equity()).isEqualTo(usd("100"));
      assertThat(v.healthFactor()).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
      assertThat(v.liquidatable()).isFalse();
    }

    @Test
    void shouldGiveUint256MaxHealthWithoutPositionsEvenWhenCashIsNegative() {
      // the contract checks maintenance == 0 before equity <= 0
      VaultAccount account = account(List.of(BigInteger.ZERO), "-5", List.of(BigInteger.ZERO), List.of(BigInteger.ZERO));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("1900"))));

      assertThat(v.equity()).isEqualTo(usd("-5"));
      assertThat(v.healthFactor()).isEqualTo(Units.MAX_UINT256);
    }

    @Test
    void shouldTruncateANegativeHalfWeiPnlTowardZero() {
      // long 1 wei from $2,000, mark $1,999.50: 1 x (-50,000,000) / 1e8 = -0.5 -> 0 (floor would give -1)
      VaultAccount account =
          account(List.of(BigInteger.ZERO), "0", List.of(BigInteger.ONE), List.of(price("2000")));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("1999.5"))));

      assertThat(v.equity()).isZero();
      assertThat(VaultMath.pnl(BigInteger.ONE, price("1999.5"), price("2000"))).isZero();
    }

    @Test
    void shouldTruncatePnlTowardZeroForShortsAndGainsToo() {
      // short 3 wei from $2,000, mark $2,000.50: -3 x 50,000,000 / 1e8 = -1.5 -> -1 (floor: -2)
      assertThat(VaultMath.pnl(BigInteger.valueOf(-3), price("2000.5"), price("2000"))).isEqualTo(BigInteger.valueOf(-1));
      // long 3 wei, +$0.50: +1.5 -> 1
      assertThat(VaultMath.pnl(BigInteger.valueOf(3), price("2000.5"), price("2000"))).isEqualTo(BigInteger.ONE);
      // short 3 wei, -$0.50 (a gain): +1.5 -> 1
      assertThat(VaultMath.pnl(BigInteger.valueOf(-3), price("1999.5"), price("2000"))).isEqualTo(BigInteger.ONE);
    }

    @Test
    void shouldValueAShortPositionWithTheOppositeSign() {
      // 1,000 USDC, short 2 ETH from $2,000, mark $2,100: PnL -2 x 100 = -$200; equity $800; maintenance $210
      VaultAccount account =
          account(List.of(tokens("1000", 6)), "0", List.of(eth("-2")), List.of(price("2000")));

      AccountValue v = VaultMath.value(config, account, prices(List.of(price("1")), List.of(price("2100"))));

      assertThat(v.equity()).isEqualTo(usd("800"));
      assertThat(v.maintenance()).isEqualTo(usd("210"));
      // 800 / 210 = 3.809523809523809523|8...
      assertThat(v.healthFactor()).isEqualTo(new BigInteger("3809523809523809523"));
    }

    @Test
    void shouldRejectANonPositivePriceForAHeldAsset() {
      VaultAccount account = account(List.of(tokens("100", 6)), "0", List.of(eth("1")), List.of(price("2000")));

      assertThatThrownBy(() -> VaultMath.value(config, account, prices(List.of(price("1")), List.of(BigInteger.ZERO))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> VaultMath.value(config, account, prices(List.of(BigInteger.valueOf(-1)), List.of(price("1")))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Liquidate {

    private final VaultConfig config = new VaultConfig(List.of(USDC), List.of(ETH_PERP), 3600);
    // 500 USDC, long 4 ETH from $2,000, mark $1,900: equity 500 - 400 = $100, maintenance $380 -> liquidatable
    private final VaultAccount underwater =
        account(List.of(tokens("500", 6)), "0", List.of(eth("4")), List.of(price("2000")));
    private final VaultPrices marks = prices(List.of(price("1")), List.of(price("1900")));

    @Test
    void shouldRealizeThePnlOfOnlyTheClosedPartOnAPartialClose() {
      LiquidationOutcome out = VaultMath.liquidate(config, underwater, marks, 0, eth("1"));

      assertThat(out.closed()).isEqualTo(eth("1"));
      assertThat(out.price()).isEqualTo(price("1900"));
      // 1 of 4 ETH closed: 1 x (1,900 - 2,000) = -$100 realized into cash
      assertThat(out.realizedPnl()).isEqualTo(usd("-100"));
      assertThat(out.after().cash()).isEqualTo(usd("-100"));
      assertThat(out.after().sizes()).containsExactly(eth("3"));
      assertThat(out.after().entryPrices()).containsExactly(price("2000"));
    }

    @Test
    void shouldChargeTheFeeOnTheClosedNotionalAndSeizeItFromUsdc() {
      LiquidationOutcome out = VaultMath.liquidate(config, underwater, marks, 0, eth("1"));

      // fee = 1e18 x 1,900e8 x 250 / (1e8 x 1e4) = $1,900 x 2.5% = $47.50
      assertThat(out.fee()).isEqualTo(usd("47.5"));
      assertThat(out.feePaid()).isEqualTo(usd("47.5"));
      // 47.5e18 x 1e6 / (1e8 x 1e10) = 47,500,000 raw USDC
      assertThat(out.seized()).containsExactly(BigInteger.valueOf(47_500_000));
      assertThat(out.after().balances()).containsExactly(tokens("452.5", 6));
      // after: equity 452.5 - 100 + 3 x (-100) = $52.50; maintenance 3 x 1,900 x 5% = $285
      AccountValue after = VaultMath.value(config, out.after(), marks);
      assertThat(after.equity()).isEqualTo(usd("52.5"));
      assertThat(after.maintenance()).isEqualTo(usd("285"));
    }

    @Test
    void shouldLeaveTheInputAccountUntouched() {
      VaultMath.liquidate(config, underwater, marks, 0, eth("1"));

      assertThat(underwater.balances()).containsExactly(tokens("500", 6));
      assertThat(underwater.sizes()).containsExactly(eth("4"));
      assertThat(underwater.cash()).isZero();
    }

    @Test
    void shouldRealizeAShortsLossOnThePartClosed() {
      // short 2 ETH from $2,000, mark $2,100; close 0.5 ETH: closed = -0.5, PnL -0.5 x 100 = -$50
      VaultAccount shortAccount =
          account(List.of(tokens("200", 6)), "0", List.of(eth("-2")), List.of(price("2000")));

      LiquidationOutcome out =
          VaultMath.liquidate(config, shortAccount, prices(List.of(price("1")), List.of(price("2100"))), 0, eth("0.5"));

      assertThat(out.closed()).isEqualTo(eth("0.5"));
      assertThat(out.realizedPnl()).isEqualTo(usd("-50"));
      assertThat(out.after().sizes()).containsExactly(eth("-1.5"));
      assertThat(out.after().entryPrices()).containsExactly(price("2000"));
      // fee 0.5 x 2,100 x 2.5% = $26.25
      assertThat(out.fee()).isEqualTo(usd("26.25"));
    }

    @Test
    void shouldCloseTheWholePositionAndZeroTheEntryPriceWhenAskedForMore() {
      LiquidationOutcome out = VaultMath.liquidate(config, underwater, marks, 0, eth("10"));

      // min(10, 4) = 4 closed; PnL 4 x -100 = -$400; fee 4 x 1,900 x 2.5% = $190
      assertThat(out.closed()).isEqualTo(eth("4"));
      assertThat(out.realizedPnl()).isEqualTo(usd("-400"));
      assertThat(out.fee()).isEqualTo(usd("190"));
      assertThat(out.after().sizes()).containsExactly(BigInteger.ZERO);
      assertThat(out.after().entryPrices()).containsExactly(BigInteger.ZERO);
      assertThat(out.after().hasPosition()).isFalse();
      // 500 - 190 = 310 USDC left, cash -400
      assertThat(out.after().balances()).containsExactly(tokens("310", 6));
      assertThat(out.after().cash()).isEqualTo(usd("-400"));
    }

    @Test
    void shouldTruncateTheFeeOfADustClose() {
      // 3 wei x 1,900e8 x 250 / 1e12 = 142,500,000,000,000 / 1e12 = 142.5 -> 142 wei
      LiquidationOutcome out = VaultMath.liquidate(config, underwater, marks, 0, BigInteger.valueOf(3));

      assertThat(out.fee()).isEqualTo(BigInteger.valueOf(142));
      // 142 wei of USD is worth 142 x 1e6 / 1e18 -> 0 raw USDC: nothing can be seized, nothing paid
      assertThat(out.feePaid()).isZero();
      assertThat(out.seized()).containsExactly(BigInteger.ZERO);
      assertThat(out.after().balances()).containsExactly(tokens("500", 6));
    }

    @Test
    void shouldSeizeInCollateralOrderRoundingThePartialAmountDown() {
      // collateral 0: USDC (6 dp, $1); collateral 1: XYZ (6 dp, $3, 20% haircut - ignored when seizing)
      VaultConfig two =
          new VaultConfig(List.of(USDC, new VaultCollateral(1, 6, 2_000)), List.of(ETH_PERP), 3600);
      // 10 USDC + 100 XYZ, long 1 ETH from $2,500, mark $2,200: equity 10 + 240 - 300 = -$40
      VaultAccount account =
          account(List.of(tokens("10", 6), tokens("100", 6)), "0", List.of(eth("1")), List.of(price("2500")));
      VaultPrices p = prices(List.of(price("1"), price("3")), List.of(price("2200")));

      LiquidationOutcome out = VaultMath.liquidate(two, account, p, 0, eth("0.2"));

      // fee = 0.2 x 2,200 x 2.5% = $11
      assertThat(out.fee()).isEqualTo(usd("11"));
      // USDC first: worth $10 <= $11 owed -> all 10 USDC taken, $1 still owed
      // XYZ: worth $300 > $1 -> amount = 1e18 x 1e6 / (3e8 x 1e10) = 1e24 / 3e18 = 333,333.33 -> 333,333 raw
      //      value = 333,333 x 3e8 x 1e10 / 1e6 = 999,999e12 = $0.999999
      assertThat(out.seized()).containsExactly(tokens("10", 6), BigInteger.valueOf(333_333));
      assertThat(out.feePaid()).isEqualTo(new BigInteger("10999999000000000000"));
      assertThat(out.after().balances()).containsExactly(BigInteger.ZERO, BigInteger.valueOf(100_000_000 - 333_333));
      // realized 0.2 x (2,200 - 2,500) = -$60
      assertThat(out.realizedPnl()).isEqualTo(usd("-60"));
      assertThat(out.after().cash()).isEqualTo(usd("-60"));
      assertThat(out.after().sizes()).containsExactly(eth("0.8"));
    }

    @Test
    void shouldMoveOnToTheNextCollateralWhenAPartialSeizureRoundsBelowTheFee() {
      // USDC 20 then WETH (18 dp, $2,000); market with a 1% fee
      VaultMarket onePercent = new VaultMarket(0, 1_000, 500, 100);
      VaultConfig two =
          new VaultConfig(List.of(USDC, new VaultCollateral(1, 18, 0)), List.of(onePercent), 3600);
      VaultAccount account =
          account(List.of(tokens("20", 6), eth("1")), "0", List.of(eth("1")), List.of(price("2100")));
      VaultPrices p = prices(List.of(price("1"), price("2000")), List.of(price("2000")));
      // close 0.500000025 ETH: fee = 500,000,025e9 x 2,000e8 x 100 / 1e12 = 500,000,025e9 x 20 = $10.0000005
      BigInteger closed = new BigInteger("500000025000000000");

      LiquidationOutcome out = VaultMath.liquidate(two, account, p, 0, closed);

      assertThat(out.fee()).isEqualTo(new BigInteger("10000000500000000000"));
      // USDC worth $20 > owed: amount = 10.0000005e18 x 1e6 / 1e18 = 10,000,000.5 -> 10,000,000 raw, value $10
      // still owed 5e11 wei -> WETH: amount = 5e11 x 1e18 / (2,000e8 x 1e10) = 5e29 / 2e21 = 250,000,000 wei,
      // value 250,000,000 x 2,000e8 x 1e10 / 1e18 = 5e11 -> fully paid
      assertThat(out.seized()).containsExactly(BigInteger.valueOf(10_000_000), BigInteger.valueOf(250_000_000));
      assertThat(out.feePaid()).isEqualTo(out.fee());
      assertThat(out.after().balances())
          .containsExactly(BigInteger.valueOf(10_000_000), eth("1").subtract(BigInteger.valueOf(250_000_000)));
    }

    @Test
    void shouldTakeADustFeeFromALaterCollateralWhenItIsWorthLessThanOneRawUnitOfAnEarlierOne() {
      VaultConfig two =
          new VaultConfig(List.of(USDC, new VaultCollateral(1, 18, 0)), List.of(ETH_PERP), 3600);
      VaultAccount account =
          account(List.of(tokens("10", 6), eth("1")), "0", List.of(eth("1")), List.of(price("2500")));
      VaultPrices p = prices(List.of(price("1"), price("2000")), List.of(price("2000")));

      // close 1e10 wei at $2,000: fee = 1e10 x 2e11 x 250 / 1e12 = 5e11 wei of USD ($0.0000005)
      LiquidationOutcome out = VaultMath.liquidate(two, account, p, 0, BigInteger.TEN.pow(10));

      assertThat(out.fee()).isEqualTo(BigInteger.valueOf(500_000_000_000L));
      // USDC: 5e11 x 1e6 / 1e18 = 0 raw -> skipped (not a stop);
      // WETH: 5e11 x 1e18 / (2,000e8 x 1e10) = 5e29 / 2e21 = 250,000,000 wei, worth exactly 5e11
      assertThat(out.seized()).containsExactly(BigInteger.ZERO, BigInteger.valueOf(250_000_000));
      assertThat(out.feePaid()).isEqualTo(BigInteger.valueOf(500_000_000_000L));
      assertThat(out.after().balances()).containsExactly(tokens("10", 6), eth("1").subtract(BigInteger.valueOf(250_000_000)));
    }

    @Test
    void shouldSkipACollateralWithoutBalance() {
      VaultConfig two =
          new VaultConfig(List.of(USDC, new VaultCollateral(1, 18, 0)), List.of(ETH_PERP), 3600);
      VaultAccount account =
          account(List.of(BigInteger.ZERO, eth("1")), "0", List.of(eth("1")), List.of(price("2500")));
      VaultPrices p = prices(List.of(price("1"), price("2000")), List.of(price("2000")));

      LiquidationOutcome out = VaultMath.liquidate(two, account, p, 0, eth("1"));

      // fee 1 x 2,000 x 2.5% = $50 -> 50 / 2,000 = 0.025 WETH
      assertThat(out.feePaid()).isEqualTo(usd("50"));
      assertThat(out.seized()).containsExactly(BigInteger.ZERO, eth("0.025"));
    }

    @Test
    void shouldCapTheFeePaidAtWhatTheCollateralIsWorth() {
      // 5 USDC, long 1 ETH from $2,500, mark $2,200; close 0.2 ETH: fee $11, but collateral is worth $5
      VaultAccount poor = account(List.of(tokens("5", 6)), "0", List.of(eth("1")), List.of(price("2500")));

      LiquidationOutcome out =
          VaultMath.liquidate(config, poor, prices(List.of(price("1")), List.of(price("2200"))), 0, eth("0.2"));

      assertThat(out.fee()).isEqualTo(usd("11"));
      assertThat(out.feePaid()).isEqualTo(usd("5")).isLessThan(out.fee());
      assertThat(out.seized()).containsExactly(tokens("5", 6));
      assertThat(out.after().balances()).containsExactly(BigInteger.ZERO);
    }

    @Test
    void shouldRefuseAMarketWithoutPosition() {
      VaultAccount flat = account(List.of(tokens("5", 6)), "0", List.of(BigInteger.ZERO), List.of(BigInteger.ZERO));

      assertThatThrownBy(() -> VaultMath.liquidate(config, flat, marks, 0, eth("1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no position");
    }

    @Test
    void shouldRefuseAZeroSize() {
      assertThatThrownBy(() -> VaultMath.liquidate(config, underwater, marks, 0, BigInteger.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ------------------------------------------------------------------ helpers

  static VaultAccount account(
      List<BigInteger> balances, String cashUsd, List<BigInteger> sizes, List<BigInteger> entries) {
    return new VaultAccount(balances, usd(cashUsd), sizes, entries);
  }

  static VaultPrices prices(List<BigInteger> collateral, List<BigInteger> market) {
    return new VaultPrices(collateral, market);
  }

  /** A USD amount as a wad: "47.5" -> 47.5e18. */
  static BigInteger usd(String amount) {
    return new BigDecimal(amount).movePointRight(18).toBigIntegerExact();
  }

  /** A base-asset size (or 18-decimal token amount) as a wad. */
  static BigInteger eth(String amount) {
    return usd(amount);
  }

  /** A feed answer: "1900" -> 1900e8. */
  static BigInteger price(String usd) {
    return new BigDecimal(usd).movePointRight(8).toBigIntegerExact();
  }

  /** A token amount in raw units: ("452.5", 6) -> 452,500,000. */
  static BigInteger tokens(String amount, int decimals) {
    return new BigDecimal(amount).movePointRight(decimals).toBigIntegerExact();
  }

  @Test
  void shouldScaleTestAmountsAsTheContractDoes() {
    assertThat(usd("1.5")).isEqualTo(new BigInteger("1500000000000000000"));
    assertThat(price("1999.5")).isEqualTo(BigInteger.valueOf(199_950_000_000L));
    assertThat(tokens("452.5", 6)).isEqualTo(BigInteger.valueOf(452_500_000));
    assertThat(ONE_ETH).isEqualTo(eth("1"));
  }
}
