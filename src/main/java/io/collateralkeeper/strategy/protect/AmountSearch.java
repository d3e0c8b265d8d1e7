package io.collateralkeeper.strategy.protect;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Integer bisection over an amount for a health curve computed with the protocol's exact math. The curves are
 * monotone (more collateral, less debt or a smaller position never lowers health), so the answer is the exact
 * boundary: the result is always evaluated, never extrapolated. Pure.
 */
public final class AmountSearch {
  private AmountSearch() {}

  /**
   * The smallest amount in [1, max] whose health reaches the target.
   *
   * @param health health (wad) after acting with an amount
   * @param target the health to reach, wad
   * @param max the largest amount allowed
   * @return empty when even {@code max} does not reach the target (or max is 0)
   */
  public static Optional<BigInteger> smallestReaching(
      Function<BigInteger, BigInteger> health, BigInteger target, BigInteger max) {
    if (max.signum() <= 0 || health.apply(max).compareTo(target) < 0) return Optional.empty();
    BigInteger lo = BigInteger.ZERO; // does not reach (or is 0)
    BigInteger hi = max; // reaches
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      BigInteger mid = lo.add(hi).shiftRight(1);
      if (health.apply(mid).compareTo(target) >= 0) hi = mid;
      else lo = mid;
    }
    return Optional.of(hi);
  }

  /**
   * The largest amount in [0, max] that still satisfies {@code ok} (which holds for small amounts and fails beyond a
   * boundary, e.g. "health after withdrawing stays at or above the target").
   *
   * @return 0 when even the smallest positive amount fails
   */
  public static BigInteger largestKeeping(Predicate<BigInteger> ok, BigInteger max) {
    if (max.signum() <= 0) return BigInteger.ZERO;
    if (ok.test(max)) return max;
    BigInteger lo = BigInteger.ZERO; // ok
    BigInteger hi = max; // fails
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      BigInteger mid = lo.add(hi).shiftRight(1);
      if (ok.test(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}
