package io.collateralkeeper.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.risk.LiquidationOutcome;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sizing reference-vault liquidations. Expected sizes are bracketed by a hand-solved inequality and the exact
 * minimality is checked against {@link VaultMath} directly (size reaches the target, size - 1 wei does not).
 */
class VaultLiquidationPlannerTest {

  private static final BigInteger TARGET = wad("1.02");
  private static final VaultCollateral USDC = new VaultCollateral(0, 6, 0);
  // initial 10%, maintenance 5%, liquidation fee 1%
  private static final VaultMarket ETH = new VaultMarket(0, 1_000, 500, 100);
  private static final VaultMarket BTC = new VaultMarket(1, 1_000, 500, 100);

  private final VaultLiquidationPlanner planner = new VaultLiquidationPlanner(TARGET);

  // ------------------------------------------------------------------ one market

  private final VaultConfig ethOnly = new VaultConfig(List.of(USDC), List.of(ETH), 3600);
  private final VaultPrices ethAt1900 = new VaultPrices(List.of(price("1")), List.of(price("1900")));

  @Test
  void shouldPlanNothingForAHealthyAccount() {
    // 1,000 USDC, long 2 ETH from $2,000 at $1,900: equity $800, maintenance $190 -> health 4.2
    VaultAccount healthy = account(List.of(usdc("1000")), List.of(wad("2")), List.of(price("2000")));

    assertThat(planner.plan(ethOnly, healthy, ethAt1900)).isEmpty();
  }

  @Test
  void shouldPlanNothingAtHealthExactlyOne() {
    // 195 USDC, long 1 ETH from $2,000 at $1,900: equity 195 - 100 = $95 = maintenance 5% x 1,900 -> health 1.0
    VaultAccount borderline = account(List.of(usdc("195")), List.of(wad("1")), List.of(price("2000")));
    assertThat(VaultMath.healthFactor(ethOnly, borderline, ethAt1900)).isEqualTo(Units.WAD);

    assertThat(planner.plan(ethOnly, borderline, ethAt1900)).isEmpty();
  }

  @Test
  void shouldPlanNothingForAnAccountWithoutPositions() {
    VaultAccount flat = account(List.of(usdc("10")), List.of(BigInteger.ZERO), List.of(BigInteger.ZERO));

    assertThat(planner.plan(ethOnly, flat, ethAt1900)).isEmpty();
  }

  @Test
  void shouldPlanTheSmallestCloseThatRestoresTheTargetHealth() {
    // 500 USDC, long 4 ETH from $2,000 at $1,900: equity $100, maintenance $380, health 0.263...
    VaultAccount account = account(List.of(usdc("500")), List.of(wad("4")), List.of(price("2000")));

    VaultLiquidationPlan plan = planner.plan(ethOnly, account, ethAt1900).orElseThrow();

    assertThat(plan.marketId()).isZero();
    // 100 x 1e18 / 380 = 0.263157894736842105|26...
    assertThat(plan.healthBefore()).isEqualTo(new BigInteger("263157894736842105"));
    // Closing x ETH pays a 1% fee of 19x out of USDC (the realized PnL only moves from unrealized to cash):
    // (100 - 19x) / (95 x (4 - x)) >= 1.02  <=>  77.9x >= 287.6  <=>  x >= 3.69191270...
    assertThat(plan.size()).isBetween(wad("3.6919"), wad("3.6920"));
    assertMinimal(ethOnly, account, ethAt1900, plan, TARGET);
  }

  @Test
  void shouldReportTheOutcomeAndHealthOfThePlannedCall() {
    VaultAccount account = account(List.of(usdc("500")), List.of(wad("4")), List.of(price("2000")));

    VaultLiquidationPlan plan = planner.plan(ethOnly, account, ethAt1900).orElseThrow();

    LiquidationOutcome direct = VaultMath.liquidate(ethOnly, account, ethAt1900, 0, plan.size());
    assertThat(plan.outcome()).isEqualTo(direct);
    assertThat(plan.healthAfter()).isEqualTo(VaultMath.healthFactor(ethOnly, direct.after(), ethAt1900));
    assertThat(plan.revenueUsdWad()).isEqualTo(direct.feePaid());
    // fee ~ 1% x 1,900 x 3.6919 ~ $70.15
    assertThat(plan.revenueUsdWad()).isBetween(wad("70.14"), wad("70.15"));
  }

  @Test
  void shouldCloseMoreForAHigherTarget() {
    VaultAccount account = account(List.of(usdc("500")), List.of(wad("4")), List.of(price("2000")));
    BigInteger target = wad("1.5");

    VaultLiquidationPlan plan = new VaultLiquidationPlanner(target).plan(ethOnly, account, ethAt1900).orElseThrow();

    // (100 - 19x) >= 1.5 x 95 x (4 - x)  <=>  123.5x >= 470  <=>  x >= 3.80566801...
    assertThat(plan.size()).isBetween(wad("3.8056"), wad("3.8057"));
    assertMinimal(ethOnly, account, ethAt1900, plan, target);
  }

  // ------------------------------------------------------------------ two markets

  private final VaultConfig ethAndBtc = new VaultConfig(List.of(USDC), List.of(ETH, BTC), 3600);

  @Test
  void shouldCloseTheFullPositionWhenEvenThatCannotRestoreHealth() {
    // 1,000 USDC; long 1 ETH from $2,000 at $1,500 (-$500); long 0.1 BTC from $60,000 at $50,000 (-$1,000)
    // equity -$500: closing either market leaves equity negative against the other's maintenance -> health 0
    VaultAccount account =
        account(List.of(usdc("1000")), List.of(wad("1"), wad("0.1")), List.of(price("2000"), price("60000")));
    VaultPrices prices = new VaultPrices(List.of(price("1")), List.of(price("1500"), price("50000")));

    VaultLiquidationPlan plan = planner.plan(ethAndBtc, account, prices).orElseThrow();

    // full ETH close pays 1% x 1,500 = $15; full BTC close pays 1% x 0.1 x 50,000 = $50 -> BTC (market 1)
    assertThat(plan.marketId()).isEqualTo(1);
    assertThat(plan.size()).isEqualTo(wad("0.1"));
    assertThat(plan.revenueUsdWad()).isEqualTo(wad("50"));
    assertThat(plan.outcome().after().sizes()).containsExactly(wad("1"), BigInteger.ZERO);
    assertThat(plan.healthAfter()).isZero().isLessThan(TARGET);
  }

  @Test
  void shouldPickTheMarketWhoseLiquidationPaysTheLargerFee() {
    // 2,500 USDC; long 10 ETH from $2,000 at $1,800 (-$2,000, maintenance $900);
    // long 0.01 BTC from $50,000 at $50,000 (PnL 0, maintenance $25). Equity $500 / $925 -> 0.54
    VaultAccount account =
        account(List.of(usdc("2500")), List.of(wad("10"), wad("0.01")), List.of(price("2000"), price("50000")));
    VaultPrices prices = new VaultPrices(List.of(price("1")), List.of(price("1800"), price("50000")));

    VaultLiquidationPlan plan = planner.plan(ethAndBtc, account, prices).orElseThrow();

    // ETH: fee 18x; (500 - 18x) >= 1.02 x (925 - 90x)  <=>  73.8x >= 443.5  <=>  x >= 6.00948509...
    // -> fee ~ $108.17. BTC: even its full close pays only 1% x 500 = $5.
    assertThat(plan.marketId()).isZero();
    assertThat(plan.size()).isBetween(wad("6.0094"), wad("6.0095"));
    assertMinimal(ethAndBtc, account, prices, plan, TARGET);
    LiquidationOutcome btcFull = VaultMath.liquidate(ethAndBtc, account, prices, 1, wad("0.01"));
    assertThat(btcFull.feePaid()).isEqualTo(wad("5"));
    assertThat(plan.revenueUsdWad()).isBetween(wad("108.17"), wad("108.18"));
  }

  @Test
  void shouldIgnoreMarketsWithoutAPosition() {
    // Only BTC is held: 600 USDC, long 0.1 BTC from $60,000 at $55,000 (-$500): equity $100, maintenance $275
    VaultAccount account =
        account(List.of(usdc("600")), List.of(BigInteger.ZERO, wad("0.1")), List.of(BigInteger.ZERO, price("60000")));
    VaultPrices prices = new VaultPrices(List.of(price("1")), List.of(price("1800"), price("55000")));

    VaultLiquidationPlan plan = planner.plan(ethAndBtc, account, prices).orElseThrow();

    assertThat(plan.marketId()).isEqualTo(1);
    // (100 - 550x) >= 1.02 x 2,750 x (0.1 - x)  <=>  2,255x >= 180.5  <=>  x >= 0.08004434...
    assertThat(plan.size()).isBetween(wad("0.0800"), wad("0.0801"));
    assertMinimal(ethAndBtc, account, prices, plan, TARGET);
  }

  // ------------------------------------------------------------------ construction

  @Test
  void shouldRejectATargetHealthBelowOne() {
    assertThatThrownBy(() -> new VaultLiquidationPlanner(Units.WAD.subtract(BigInteger.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1.0");
    assertThatThrownBy(() -> new VaultLiquidationPlanner(wad("0.5"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAcceptATargetHealthOfExactlyOne() {
    VaultAccount account = account(List.of(usdc("500")), List.of(wad("4")), List.of(price("2000")));

    Optional<VaultLiquidationPlan> plan = new VaultLiquidationPlanner(Units.WAD).plan(ethOnly, account, ethAt1900);

    // (100 - 19x) >= 95 x (4 - x)  <=>  76x >= 280  <=>  x >= 3.68421052...
    assertThat(plan).get().extracting(VaultLiquidationPlan::size).satisfies(
        s -> assertThat(s).isBetween(wad("3.6842"), wad("3.6843")));
    assertMinimal(ethOnly, account, ethAt1900, plan.orElseThrow(), Units.WAD);
  }

  // ------------------------------------------------------------------ helpers

  /** The planned size reaches the target and one wei less does not, both checked with VaultMath directly. */
  private static void assertMinimal(
      VaultConfig config, VaultAccount account, VaultPrices prices, VaultLiquidationPlan plan, BigInteger target) {
    BigInteger at = VaultMath.healthFactor(
        config, VaultMath.liquidate(config, account, prices, plan.marketId(), plan.size()).after(), prices);
    BigInteger below = VaultMath.healthFactor(
        config,
        VaultMath.liquidate(config, account, prices, plan.marketId(), plan.size().subtract(BigInteger.ONE)).after(),
        prices);
    assertThat(at).as("health at the planned size").isGreaterThanOrEqualTo(target);
    assertThat(below).as("health one wei below the planned size").isLessThan(target);
    assertThat(plan.healthAfter()).isEqualTo(at);
  }

  private static VaultAccount account(List<BigInteger> balances, List<BigInteger> sizes, List<BigInteger> entries) {
    return new VaultAccount(balances, BigInteger.ZERO, sizes, entries);
  }

  private static BigInteger wad(String amount) {
    return new BigDecimal(amount).movePointRight(18).toBigIntegerExact();
  }

  private static BigInteger price(String usd) {
    return new BigDecimal(usd).movePointRight(8).toBigIntegerExact();
  }

  private static BigInteger usdc(String amount) {
    return new BigDecimal(amount).movePointRight(6).toBigIntegerExact();
  }
}
