package io.collateralkeeper.risk.aave.fast;

/**
 * A divisor below 2^63 prepared for repeated exact division of 128-bit numbers without hardware division: shifted
 * left until its top bit is set, with the reciprocal of {@link UnsignedMath#div2by1}.
 *
 * @param divisor the divisor, positive
 * @param shift its leading zero count (1-63)
 * @param normalized {@code divisor << shift}
 * @param reciprocal {@code floor((2^128 - 1) / normalized) - 2^64}
 */
record InvariantDivisor(long divisor, int shift, long normalized, long reciprocal) {

  /**
   * Prepares a divisor.
   *
   * @throws IllegalArgumentException unless {@code 0 < divisor < 2^63}
   */
  static InvariantDivisor of(long divisor) {
    if (divisor <= 0) throw new IllegalArgumentException("divisor must be in (0, 2^63): " + divisor);
    int shift = Long.numberOfLeadingZeros(divisor);
    long normalized = divisor << shift;
    return new InvariantDivisor(divisor, shift, normalized, UnsignedMath.reciprocal(normalized));
  }

  /**
   * {@code floor((hi * 2^64 + lo) / divisor)}, both limbs unsigned; requires {@link #fitsQuotient}{@code (hi, lo)}.
   * The remainder is {@code lo - quotient * divisor} (mod 2^64).
   */
  long divide(long hi, long lo) {
    long u1 = (hi << shift) | (lo >>> (64 - shift));
    return UnsignedMath.div2by1(u1, lo << shift, normalized, reciprocal);
  }

  /** True when {@code (hi * 2^64 + lo) / divisor < 2^64}, so {@link #divide} applies. */
  boolean fitsQuotient(long hi, long lo) {
    return Long.compareUnsigned(hi, divisor) < 0;
  }
}
