package io.collateralkeeper.risk.aave.fast;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FastAaveMath} against {@link AaveMath#accountData}, field for field, on seeded random markets and positions:
 * the same data or the same exception, and the fast path (not the fallback) takes the realistic cases.
 */
class FastAaveMathTest {

  @Test
  void shouldEqualAaveMathToTheWeiOnRealisticPositions() {
    Tally t = compare(new RandomAave(11, false), 250, 400);
    assertThat(t.cases).isEqualTo(100_000);
    assertThat(t.mismatches).as("e.g. %s", t.examples).isEmpty();
    // realistic inputs: only the e-mode categories priced by a zero price or a missing one fall back, and AaveMath
    // throws for missing prices... none here; the fast path computes nearly everything
    assertThat(t.fast).as("fast path share").isGreaterThan(t.cases * 95 / 100);
    assertThat(t.liquidatable).isGreaterThan(1_000);
    assertThat(t.healthy).isGreaterThan(1_000);
  }

  @Test
  void shouldEqualAaveMathOrThrowTheSameOnHostileInputs() {
    Tally t = compare(new RandomAave(12, true), 250, 400);
    assertThat(t.mismatches).as("e.g. %s", t.examples).isEmpty();
    assertThat(t.fast).as("fast path share").isGreaterThan(t.cases / 4);
    assertThat(t.slow).as("fallback to BigInteger").isGreaterThan(t.cases / 20);
    assertThat(t.thrown).as("AaveMath errors reproduced").isGreaterThan(t.cases / 50);
  }

  static final class Tally {
    int cases;
    int fast;
    int slow;
    int thrown;
    int liquidatable;
    int healthy;
    final List<String> mismatches = new ArrayList<>();
    final List<String> examples = new ArrayList<>();
  }

  static Tally compare(RandomAave random, int markets, int usersPerMarket) {
    Tally t = new Tally();
    FastAaveMath fast = new FastAaveMath();
    AccountResult out = new AccountResult();
    for (int m = 0; m < markets; m++) {
      AaveMarket market = random.market();
      AaveMarketView view = AaveMarketView.of(market);
      for (int u = 0; u < usersPerMarket; u++) {
        AavePosition p = random.position(market, u);
        t.cases++;
        AaveAccountData expected;
        try {
          expected = AaveMath.accountData(p, market);
        } catch (RuntimeException e) {
          t.thrown++;
          expectSameThrow(t, p, view, fast, out, e);
          continue;
        }
        try {
          fast.evaluate(CompactPosition.of(p), view, out);
        } catch (RuntimeException e) {
          mismatch(t, p + ": threw " + e + ", expected " + expected);
          continue;
        }
        if (out.fastPath()) t.fast++;
        else t.slow++;
        if (!out.toAccountData().equals(expected)) mismatch(t, p + ": " + out.toAccountData() + " vs " + expected);
        if (out.liquidatable() != expected.liquidatable()) mismatch(t, p + ": liquidatable differs");
        if (!out.healthFactor().equals(expected.healthFactor())) mismatch(t, p + ": health differs");
        if (expected.liquidatable()) t.liquidatable++;
        else t.healthy++;
      }
    }
    System.out.printf(
        "%d cases: %d fast, %d BigInteger fallback, %d thrown, %d liquidatable%n",
        t.cases, t.fast, t.slow, t.thrown, t.liquidatable);
    return t;
  }

  private static void expectSameThrow(
      Tally t, AavePosition p, AaveMarketView view, FastAaveMath fast, AccountResult out, RuntimeException e) {
    try {
      fast.evaluate(CompactPosition.of(p), view, out);
      mismatch(t, p + ": computed " + out.toAccountData() + ", AaveMath threw " + e);
    } catch (RuntimeException f) {
      if (f.getClass() != e.getClass() || !String.valueOf(f.getMessage()).equals(String.valueOf(e.getMessage()))) {
        mismatch(t, p + ": threw " + f + ", AaveMath threw " + e);
      }
    }
  }

  private static void mismatch(Tally t, String what) {
    t.mismatches.add(what);
    if (t.examples.size() < 3) t.examples.add(what);
  }
}
