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
  void hostileMarketsStayExactThroughPriceAndTimeChanges() {
    // unusable prices (2^63 and more) and indexes (2^127 and more) the fast path cannot hold: their changes must
    // still dirty the accounts exposed to them
    int transitions = 0;
    for (long seed = 1; seed <= 40; seed++) {
      RandomAave random = new RandomAave(1000 + seed, true);
      AaveMarket market = random.market();
      List<AavePosition> positions = new ArrayList<>();
      for (int i = 0; positions.size() < 300 && i < 3_000; i++) {
        AavePosition p = random.position(market, i);
        if (!throwsIllegalArgument(p, market)) positions.add(p);
      }
      AaveHealthBook book = new AaveHealthBook();
      positions.forEach(book::put);
      book.setMarket(market);
      java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
      List<Address> priced =
          market.prices().keySet().stream().filter(a -> !a.equals(RandomAave.USD)).sorted().toList();
      for (int step = 0; step < 6; step++) {
        if (r.nextBoolean() && !priced.isEmpty()) {
          market = market.withPrices(Map.of(priced.get(r.nextInt(priced.size())), random.price()));
        }
        if (r.nextBoolean()) market = market.at(market.timestamp() + r.nextLong(1, 1_000_000));
        book.setMarket(market);
        if (r.nextBoolean()) book.evaluate();
        assertBookExact(book, positions, market);
        transitions++;
      }
    }
    assertThat(transitions).isEqualTo(240);
  }

  @Test
  void aPriceTheFastPathCannotHoldStillDirtiesTheExposedAccountsWhenItMoves() {
    // collateral priced at 2^64 (beyond the fast path), indexes fixed: only the price can change the result
    AaveMarket market = twoReserveMarket(RandomAave.RAY, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64));
    AavePosition p = supplierAndBorrower();
    AaveHealthBook book = new AaveHealthBook();
    book.put(p);
    book.setMarket(market);
    book.evaluate();
    AaveMarket repriced = market.withPrices(Map.of(RandomAave.asset(0), BigInteger.ONE.shiftLeft(67)));
    assertThat(AaveMath.accountData(p, repriced).healthFactor())
        .isNotEqualTo(AaveMath.accountData(p, market).healthFactor());

    assertThat(book.setMarket(repriced)).isEqualTo(1);
    assertBookExact(book, List.of(p), repriced);
  }

  @Test
  void anIndexTheFastPathCannotHoldStillDirtiesTheExposedAccountsWhenTimePasses() {
    // collateral income index of 2^127 (beyond the fast path) at 10% a year; the debt reserve does not accrue
    BigInteger hugeIndex = BigInteger.ONE.shiftLeft(127).add(BigInteger.valueOf(12345));
    AaveMarket market = twoReserveMarket(hugeIndex, RandomAave.RAY.divide(BigInteger.TEN), BigInteger.valueOf(100_000_000));
    AavePosition p = supplierAndBorrower();
    AaveHealthBook book = new AaveHealthBook();
    book.put(p);
    book.setMarket(market);
    book.evaluate();
    AaveMarket later = market.at(market.timestamp() + 365 * 86_400L);
    assertThat(AaveMath.accountData(p, later).healthFactor())
        .isNotEqualTo(AaveMath.accountData(p, market).healthFactor());

    assertThat(book.setMarket(later)).isEqualTo(1);
    assertBookExact(book, List.of(p), later);
  }

  /** Reserve 0 (collateral) with the given index, rate and price; reserve 1 (debt) at index 1, rate 0, $1. */
  private static AaveMarket twoReserveMarket(BigInteger index0, BigInteger rate0, BigInteger price0) {
    Map<Address, BigInteger> prices =
        Map.of(RandomAave.asset(0), price0, RandomAave.asset(1), BigInteger.valueOf(100_000_000));
    return new AaveMarket(
        Map.of(0, reserve(0, index0, rate0), 1, reserve(1, RandomAave.RAY, BigInteger.ZERO)), prices, Map.of(),
        RandomAave.T);
  }

  /** Supplies 3 units of reserve 0, borrows 1,000 of reserve 1 (6 decimals). */
  private static AavePosition supplierAndBorrower() {
    io.collateralkeeper.risk.aave.UserConfig config =
        io.collateralkeeper.risk.aave.UserConfig.EMPTY.withCollateral(0, true).withBorrowing(1, true);
    BigInteger zero = BigInteger.ZERO;
    return new AavePosition(
        RandomAave.addr(1), config, 0,
        Map.of(
            0, new io.collateralkeeper.risk.aave.UserReserve(BigInteger.valueOf(3_000_000), zero, zero, zero, 0),
            1, new io.collateralkeeper.risk.aave.UserReserve(zero, BigInteger.valueOf(1_000_000_000), zero, zero, 0)));
  }

  /** A 6-decimal reserve at 80% LTV / 85% threshold with both indexes and rates as given, updated at T. */
  private static AaveReserve reserve(int id, BigInteger index, BigInteger rate) {
    BigInteger bitmap =
        BigInteger.valueOf(8000).or(BigInteger.valueOf(8500).shiftLeft(16)).or(BigInteger.valueOf(10_500).shiftLeft(32))
            .or(BigInteger.valueOf(6).shiftLeft(48)).setBit(56).setBit(58);
    return new AaveReserve(
        RandomAave.asset(id), id, io.collateralkeeper.risk.aave.ReserveConfig.decode(bitmap), index, rate, index, rate,
        BigInteger.ZERO, RandomAave.T, RandomAave.addr(0x200 + id), RandomAave.addr(0x300 + id),
        RandomAave.addr(0x400 + id));
  }

  private static void assertBookExact(AaveHealthBook book, List<AavePosition> positions, AaveMarket m) {
    for (AavePosition p : positions) {
      BigInteger expected;
      try {
        expected = AaveMath.accountData(p, m).healthFactor();
      } catch (ArithmeticException e) {
        assertThatThrownBy(() -> book.healthFactor(p.user())).isInstanceOf(ArithmeticException.class);
        continue;
      }
      assertThat(book.healthFactor(p.user())).as("health of %s", p).isEqualTo(expected);
    }
  }

  private static boolean throwsIllegalArgument(AavePosition p, AaveMarket m) {
    try {
      AaveMath.accountData(p, m);
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
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
