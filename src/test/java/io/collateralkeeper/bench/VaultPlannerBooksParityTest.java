package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.strategy.ReferenceVaultLiquidationPlanner;
import io.collateralkeeper.strategy.VaultLiquidationPlanner;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner makes the original's plans on the benchmark's realistic books: the keeper bench's victims and
 * demo-shaped accounts ({@link VaultPlannerBench}), at several minimum revenues.
 */
class VaultPlannerBooksParityTest {
  private static final BigInteger TARGET = Units.toWad(new BigDecimal("1.02"));
  private static final List<BigInteger> MIN_REVENUES =
      List.of(BigInteger.ZERO, Units.WAD, Units.WAD.multiply(BigInteger.valueOf(5)), Units.WAD.multiply(BigInteger.valueOf(200)));

  @Test
  void shouldPlanTheBenchVictimsAsTheOriginalPlanner() {
    BenchBook book = BenchBook.generate(
        BenchBookTest.CONFIG, BenchBookTest.BEFORE, BenchBookTest.AFTER, new BenchBook.Spec(300, 300, 11, 1, 0));
    List<VaultAccount> accounts = book.accounts().stream().map(BenchAccount::state).toList();
    assertSamePlans(accounts, BenchBookTest.AFTER);
  }

  @Test
  void shouldPlanDemoShapedAccountsAsTheOriginalPlanner() {
    assertSamePlans(VaultPlannerBench.mixed(BenchBookTest.CONFIG, BenchBookTest.BEFORE), BenchBookTest.BEFORE);
  }

  private static void assertSamePlans(List<VaultAccount> accounts, io.collateralkeeper.risk.VaultPrices prices) {
    VaultLiquidationPlanner fast = new VaultLiquidationPlanner(TARGET);
    ReferenceVaultLiquidationPlanner reference = new ReferenceVaultLiquidationPlanner(TARGET);
    for (BigInteger minRevenue : MIN_REVENUES) {
      for (VaultAccount a : accounts) {
        var expected = reference.plan(BenchBookTest.CONFIG, a, prices, minRevenue);
        assertThat(expected).as("liquidatable").isPresent();
        assertThat(fast.plan(BenchBookTest.CONFIG, a, prices, minRevenue)).as("%s at %s", a, minRevenue).isEqualTo(expected);
      }
    }
  }
}
