package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.strategy.VaultLiquidationPlan;
import io.collateralkeeper.strategy.VaultLiquidationPlanner;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchBookTest {
  /** The devnet vault's parameters (VaultDeployer): USDC/WETH/WBTC, ETH-PERP and BTC-PERP. */
  static final VaultConfig CONFIG =
      new VaultConfig(
          List.of(new VaultCollateral(0, 6, 200), new VaultCollateral(1, 18, 1000), new VaultCollateral(2, 8, 1000)),
          List.of(new VaultMarket(0, 1000, 500, 100), new VaultMarket(1, 1000, 500, 100)),
          86_400);
  static final BigInteger ETH = BigInteger.valueOf(3_000_00000000L);
  static final BigInteger BTC = BigInteger.valueOf(60_000_00000000L);
  static final VaultPrices BEFORE = prices(ETH, BTC);
  static final VaultPrices AFTER = prices(ETH, BigInteger.valueOf(57_000_00000000L)); // BTC -5%

  @Test
  void shouldMakeExactlyTheVictimsLiquidatableAfterTheMoveAndEveryAccountHealthyBefore() {
    BenchBook book = BenchBook.generate(CONFIG, BEFORE, AFTER, new BenchBook.Spec(3_000, 100, 7, 1, 0));

    assertThat(book.accounts()).hasSize(3_000);
    assertThat(book.liquidatable()).hasSize(100);
    Set<Address> below = new HashSet<>();
    for (BenchAccount a : book.accounts()) {
      assertThat(VaultMath.healthFactor(CONFIG, a.state(), BEFORE)).as("healthy before").isGreaterThanOrEqualTo(Units.WAD);
      if (VaultMath.healthFactor(CONFIG, a.state(), AFTER).compareTo(Units.WAD) < 0) below.add(a.address());
    }
    assertThat(below).isEqualTo(book.liquidatable());
    assertThat(book.addresses()).doesNotHaveDuplicates();
  }

  @Test
  void shouldGiveEveryVictimALiquidationThatPaysMoreThanADollar() {
    BenchBook book = BenchBook.generate(CONFIG, BEFORE, AFTER, new BenchBook.Spec(500, 50, 3, 1, 0));
    VaultLiquidationPlanner planner = new VaultLiquidationPlanner(Units.toWad(new java.math.BigDecimal("1.02")));
    for (BenchAccount a : book.accounts()) {
      if (!book.liquidatable().contains(a.address())) continue;
      Optional<VaultLiquidationPlan> plan = planner.plan(CONFIG, a.state(), AFTER);
      assertThat(plan).as("plan for %s", a.address()).isPresent();
      assertThat(plan.get().revenueUsdWad()).isGreaterThan(Units.WAD);
    }
  }

  @Test
  void shouldBeTheSameBookForTheSameSeedAndAnotherForAnotherSeed() {
    BenchBook.Spec spec = new BenchBook.Spec(200, 10, 42, 1, 0);
    BenchBook a = BenchBook.generate(CONFIG, BEFORE, AFTER, spec);
    BenchBook b = BenchBook.generate(CONFIG, BEFORE, AFTER, spec);
    BenchBook c = BenchBook.generate(CONFIG, BEFORE, AFTER, new BenchBook.Spec(200, 10, 43, 1, 0));
    assertThat(a).isEqualTo(b);
    assertThat(c.addresses()).doesNotContainAnyElementsOf(a.addresses());
  }

  @Test
  void shouldSumTheBalancesPerCollateral() {
    BenchBook book = BenchBook.generate(CONFIG, BEFORE, AFTER, new BenchBook.Spec(50, 5, 1, 1, 0));
    BigInteger usdc = book.accounts().stream().map(a -> a.state().balances().get(0)).reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(book.totals()).hasSize(3);
    assertThat(book.totals().get(0)).isEqualTo(usdc).isPositive();
  }

  @Test
  void shouldRefuseAMoveTooSmallToTurnAHealthyAccountLiquidatable() {
    VaultPrices tiny = prices(ETH, BigInteger.valueOf(59_950_00000000L)); // BTC -0.08%
    assertThatThrownBy(() -> BenchBook.generate(CONFIG, BEFORE, tiny, new BenchBook.Spec(10, 1, 1, 1, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("price move is too small");
  }

  @Test
  void shouldRefuseVictimCollateralWhosePriceMoves() {
    assertThatThrownBy(() -> BenchBook.generate(CONFIG, BEFORE, AFTER, new BenchBook.Spec(10, 1, 1, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must keep its price");
  }

  private static VaultPrices prices(BigInteger eth, BigInteger btc) {
    return new VaultPrices(List.of(Units.PRICE_UNIT, eth, btc), List.of(eth, btc));
  }
}
