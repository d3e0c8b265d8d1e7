package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.fast.InvariantDivisor;
import io.collateralkeeper.risk.fast.MutableInt128;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A non-negative rational {@code m / q} with 63-bit terms, applied as {@code floor(v x m / q)} to a 128-bit register
 * (exact: the same rational gives the same floor however its terms are scaled, so the vault's formulas can be
 * rewritten with their powers of ten cancelled). The divisor is precomputed ({@link InvariantDivisor}).
 *
 * @param multiplier {@code m}, at least 0
 * @param divisor {@code q}, positive
 */
record Ratio(long multiplier, InvariantDivisor divisor) {
  private static final InvariantDivisor[] POWERS_OF_TEN = new InvariantDivisor[19];

  static {
    long p = 1;
    for (int k = 0; k < POWERS_OF_TEN.length; k++, p *= 10) POWERS_OF_TEN[k] = new InvariantDivisor(p);
  }

  /** {@code m / q}, or empty when a term is out of the 63-bit range, {@code m < 0} or {@code q <= 0}. */
  static Optional<Ratio> of(BigInteger m, BigInteger q) {
    if (m.signum() < 0 || q.signum() <= 0 || m.bitLength() > 63 || q.bitLength() > 63) return Optional.empty();
    return Optional.of(new Ratio(m.longValue(), divisor(q.longValue())));
  }

  /** {@code floor(v x m / q)} in place, for {@code v >= 0}; see {@link MutableInt128#multiplyDivide}. */
  MutableInt128 applyTo(MutableInt128 v) {
    return v.multiplyDivide(multiplier, divisor);
  }

  /** As {@link #applyTo}, returning the remainder {@code v x m mod q}. */
  long applyToWithRemainder(MutableInt128 v) {
    return v.multiplyDivideRemainder(multiplier, divisor);
  }

  private static InvariantDivisor divisor(long q) {
    long p = 1;
    for (InvariantDivisor d : POWERS_OF_TEN) {
      if (p == q) return d;
      p *= 10;
    }
    return new InvariantDivisor(q);
  }
}
