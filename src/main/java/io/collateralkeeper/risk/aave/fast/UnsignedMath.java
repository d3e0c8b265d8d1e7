package io.collateralkeeper.risk.aave.fast;

import java.math.BigInteger;

/**
 * Unsigned 64- and 128-bit integer division on Java {@code long}s, exact (no floating point). A 128-bit value is a
 * pair {@code (hi, lo)} of unsigned 64-bit limbs. Quotients are returned; a remainder, which always fits one limb,
 * is recovered by the caller as {@code lo - q * d} (mod 2^64).
 */
final class UnsignedMath {
  private static final long HALF_BASE = 1L << 32;
  private static final long LOW_32 = 0xFFFF_FFFFL;
  private static final BigInteger BASE = BigInteger.ONE.shiftLeft(64);

  private UnsignedMath() {}

  /**
   * {@code floor((u1 * 2^64 + u0) / d)} for a normalized divisor (top bit set) and {@code u1 < d}, by Möller and
   * Granlund's {@code div_2by1} with the precomputed reciprocal {@code v = floor((2^128 - 1) / d) - 2^64}
   * ("Improved division by invariant integers", IEEE Trans. Computers 2011, algorithm 4): two multiplications and
   * at most two corrections, no hardware division.
   */
  static long div2by1(long u1, long u0, long d, long v) {
    long q0 = v * u1;
    long q1 = Math.unsignedMultiplyHigh(v, u1);
    long sum0 = q0 + u0;
    q1 += u1 + 1 + (Long.compareUnsigned(sum0, q0) < 0 ? 1 : 0);
    long r = u0 - q1 * d;
    if (Long.compareUnsigned(r, sum0) > 0) {
      q1--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) q1++;
    return q1;
  }

  /** {@code floor((2^128 - 1) / d) - 2^64} for a normalized {@code d}: the reciprocal {@link #div2by1} uses. */
  static long reciprocal(long normalizedDivisor) {
    if (normalizedDivisor >= 0) throw new IllegalArgumentException("divisor is not normalized");
    BigInteger d = unsigned(normalizedDivisor);
    return BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE).divide(d).subtract(BASE).longValue();
  }

  /**
   * {@code floor((u1 * 2^64 + u0) / d)} for any divisor with {@code u1 < d} (unsigned), by long division in 32-bit
   * digits (Hacker's Delight, 2nd ed., figure 9-3 {@code divlu}); two hardware divisions.
   *
   * @throws ArithmeticException when {@code d} is zero
   */
  static long divlu(long u1, long u0, long d) {
    if (u1 == 0) return Long.divideUnsigned(u0, d);
    int s = Long.numberOfLeadingZeros(d);
    long v = d << s;
    long vn1 = v >>> 32;
    long vn0 = v & LOW_32;
    long un32 = s == 0 ? u1 : (u1 << s) | (u0 >>> (64 - s));
    long un10 = u0 << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & LOW_32;
    long q1 = Long.divideUnsigned(un32, vn1);
    long rhat = un32 - q1 * vn1;
    while (Long.compareUnsigned(q1, HALF_BASE) >= 0
        || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, HALF_BASE) >= 0) break;
    }
    long un21 = (un32 << 32) + un1 - q1 * v;
    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = un21 - q0 * vn1;
    while (Long.compareUnsigned(q0, HALF_BASE) >= 0
        || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, HALF_BASE) >= 0) break;
    }
    return (q1 << 32) + q0;
  }

  /** A limb read as an unsigned number. */
  static BigInteger unsigned(long limb) {
    BigInteger b = BigInteger.valueOf(limb);
    return limb >= 0 ? b : b.add(BASE);
  }

  /** {@code hi * 2^64 + lo}, both unsigned. */
  static BigInteger toBig(long hi, long lo) {
    return hi == 0 ? unsigned(lo) : unsigned(hi).shiftLeft(64).or(unsigned(lo));
  }

  /** The high limb of a non-negative value below 2^128 (callers check {@link #fits128}). */
  static long hi(BigInteger value) {
    return value.shiftRight(64).longValue();
  }

  /** The low limb of a non-negative value. */
  static long lo(BigInteger value) {
    return value.longValue();
  }

  /** True when {@code 0 <= value < 2^128}. */
  static boolean fits128(BigInteger value) {
    return value.signum() >= 0 && value.bitLength() <= 128;
  }
}
