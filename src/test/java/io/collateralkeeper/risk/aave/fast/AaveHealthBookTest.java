package io.collateralkeeper.risk.aave.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The health book against {@link AaveMath#accountData} for every account after each market change: a price move
 * within a block re-evaluates only the accounts exposed to the asset and the others are still exact; a new block
 * re-evaluates those with accruing reserves; replacing and removing positions.
 */
class AaveHealthBookTest {

  /** A realistic random market whose reserves accrue, and positions in it that AaveMath can evaluate. */
  private static final class Fixture {
    final AaveMarket market;
    final List<AavePosition> positions = new ArrayList<>();
    final AaveHealthBook book = new AaveHealthBook();

    Fixture(long seed, int users) {
      RandomAave random = new RandomAave(seed, false);
      AaveMarket m;
      do {
        m = random.market();
      } while (m.reserves().size() < 4);
      market = m;
      for (int i = 0; positions.size() < users; i++) {
        AavePosition p = random.position(market, i);
        try {
          AaveMath.accountData(p, market);
          positions.add(p);
        } catch (RuntimeException e) {
          // a position AaveMath rejects (a category priced by a missing feed): not for this test
        }
      }
      positions.forEach(book::put);
    }

    /** Asserts every account's health and liquidatability in the book equal AaveMath's at {@code m}. */
    void assertExactAt(AaveMarket m) {
      List<Address> expectedLiquidatable = new ArrayList<>();
      for (AavePosition p : positions) {
        AaveAccountData expected = AaveMath.accountData(p, m);
        assertThat(book.healthFactor(p.user())).as("health of %s", p.user()).isEqualTo(expected.healthFactor());
        if (expected.liquidatable()) expectedLiquidatable.add(p.user());
      }
      assertThat(book.liquidatable()).containsExactlyInAnyOrderElementsOf(expectedLiquidatable);
    }

    /** Users with the reserve in their configuration. */
    long exposedTo(int reserveId) {
      return positions.stream().filter(p -> p.config().isUsingAsCollateralOrBorrowing(reserveId)).count();
    }
  }

  @Test
  void firstMarketEvaluatesEveryAccountExactly() {
    for (long seed = 1; seed <= 20; seed++) {
      Fixture f = new Fixture(seed, 1_000);
      assertThat(f.book.setMarket(f.market)).isEqualTo(1_000);
      assertThat(f.book.evaluate()).isEqualTo(1_000);
      assertThat(f.book.dirtyCount()).isZero();
      f.assertExactAt(f.market);
    }
  }

  @Test
  void priceMoveWithinABlockReevaluatesOnlyExposedAccountsAndLeavesTheRestExact() {
    int checked = 0;
    for (long seed = 1; seed <= 20; seed++) {
      Fixture f = new Fixture(seed, 1_000);
      f.book.setMarket(f.market);
      f.book.evaluate();
      AaveReserve moved = unusedAsPriceSource(f.market);
      if (moved == null) continue;
      BigInteger price = f.market.prices().get(moved.asset());
      AaveMarket crashed = f.market.withPrices(Map.of(moved.asset(), price.multiply(BigInteger.valueOf(6)).divide(BigInteger.TEN)));

      int dirty = f.book.setMarket(crashed);

      assertThat(dirty).isEqualTo(f.exposedTo(moved.id())).isLessThan(1_000);
      assertThat(f.book.evaluate()).isEqualTo(dirty);
      f.assertExactAt(crashed);
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void newBlockReevaluatesAccountsWhoseReservesAccrue() {
    for (long seed = 1; seed <= 10; seed++) {
      Fixture f = new Fixture(seed, 1_000);
      f.book.setMarket(f.market);
      f.book.evaluate();
      AaveMarket later = f.market.at(f.market.timestamp() + 12);

      int dirty = f.book.setMarket(later);

      assertThat(dirty).isPositive();
      f.book.evaluate();
      f.assertExactAt(later);
      AaveMarket muchLater = f.market.at(f.market.timestamp() + 400 * 86_400L);
      f.book.setMarket(muchLater);
      f.assertExactAt(muchLater);
    }
  }

  @Test
  void sameMarketAgainDirtiesNobody() {
    Fixture f = new Fixture(3, 500);
    f.book.setMarket(f.market);
    f.book.evaluate();
    assertThat(f.book.setMarket(f.market)).isZero();
  }

  @Test
  void changedEModeCategoryReevaluatesEveryAccount() {
    Fixture f = new Fixture(4, 500);
    f.book.setMarket(f.market);
    f.book.evaluate();
    Map<Integer, EModeCategory> eModes = new HashMap<>(f.market.eModes());
    eModes.remove(eModes.keySet().iterator().next());
    AaveMarket fewer = new AaveMarket(f.market.reserves(), f.market.prices(), eModes, f.market.timestamp());

    assertThat(f.book.setMarket(fewer)).isEqualTo(500);
  }

  @Test
  void putReplacesAndRemoveForgets() {
    Fixture f = new Fixture(5, 200);
    f.book.setMarket(f.market);
    f.book.evaluate();
    AavePosition first = f.positions.get(0);
    AavePosition other = f.positions.get(1);
    AavePosition replaced = new AavePosition(first.user(), other.config(), other.eModeCategory(), other.reserves());

    f.book.put(replaced);

    assertThat(f.book.dirtyCount()).isEqualTo(1);
    assertThat(f.book.healthFactor(first.user())).isEqualTo(AaveMath.accountData(replaced, f.market).healthFactor());
    assertThat(f.book.remove(first.user())).isTrue();
    assertThat(f.book.size()).isEqualTo(199);
    assertThatThrownBy(() -> f.book.healthFactor(first.user()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in the health book");
    f.book.put(first); // reuses the freed slot
    assertThat(f.book.size()).isEqualTo(200);
    assertThat(f.book.healthFactor(first.user())).isEqualTo(AaveMath.accountData(first, f.market).healthFactor());
  }

  @Test
  void replacingPositionsKeepsEveryHealthExactThroughCompaction() {
    // 20,000 positions replaced, then half of them again: the packed arena is half garbage at the start of the
    // second round and is compacted, moving the entries of the positions not replaced again
    Fixture f = new Fixture(7, 20_000);
    f.book.setMarket(f.market);
    f.book.evaluate();
    for (int round = 1; round <= 2; round++) {
      List<AavePosition> shifted = new ArrayList<>(f.positions);
      int replaced = round == 1 ? f.positions.size() : f.positions.size() / 2;
      for (int i = 0; i < replaced; i++) {
        AavePosition p = f.positions.get(i);
        AavePosition q = f.positions.get((i + 1) % f.positions.size());
        shifted.set(i, new AavePosition(p.user(), q.config(), q.eModeCategory(), q.reserves()));
      }
      shifted.subList(0, replaced).forEach(f.book::put);
      f.positions.clear();
      f.positions.addAll(shifted);
    }
    assertThat(f.book.size()).isEqualTo(20_000);
    f.assertExactAt(f.market);
  }

  @Test
  void accountWhoseEvaluationRevertsIsNotLiquidatableAndRethrows() {
    Fixture f = new Fixture(6, 100);
    AaveReserve r = f.market.reserves().values().iterator().next();
    // the block precedes the reserve's last update: accrual reverts for its holders
    AaveMarket past = f.market.at(r.lastUpdateTimestamp() - 1);
    f.book.setMarket(past);
    f.book.evaluate();
    AavePosition holder =
        f.positions.stream().filter(p -> throwsArithmetic(p, past)).findFirst().orElseThrow();
    assertThat(f.book.liquidatable()).doesNotContain(holder.user());
    assertThatThrownBy(() -> f.book.healthFactor(holder.user())).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void noMarketIsAnError() {
    AaveHealthBook book = new AaveHealthBook();
    assertThatThrownBy(book::evaluate).isInstanceOf(IllegalStateException.class).hasMessageContaining("setMarket");
  }

  private static boolean throwsArithmetic(AavePosition p, AaveMarket m) {
    try {
      AaveMath.accountData(p, m);
      return false;
    } catch (ArithmeticException e) {
      return true;
    }
  }

  /** A priced reserve whose asset is no e-mode category's price source. */
  private static AaveReserve unusedAsPriceSource(AaveMarket m) {
    for (AaveReserve r : m.reserves().values()) {
      boolean source = m.eModes().values().stream().anyMatch(c -> c.priceSource().equals(r.asset()));
      BigInteger price = m.prices().get(r.asset());
      if (!source && price != null && price.signum() > 0) return r;
    }
    return null;
  }
}
