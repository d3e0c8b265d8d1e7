package io.collateralkeeper.risk.fast;

import java.math.BigInteger;

/**
 * Exact 128-bit integer arithmetic over {@code (hi, lo)} pairs of longs: the value is {@code hi x 2^64 + lo}, with
 * {@code lo} read unsigned and {@code hi} signed (two's complement over 128 bits) or unsigned as each method says.
 * Overflow is detected, never wrapped silently. No floating point. Pure.
 */
public final class Int128 {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Int128() {}

  /** The signed 128-bit value {@code (hi, lo)} as a BigInteger. */
  public static BigInteger toBigInteger(long hi, long lo) {
    return BigInteger.valueOf(hi).shiftLeft(64).add(unsigned(lo));
  }

  /** {@code x} read as an unsigned 64-bit integer. */
  public static BigInteger unsigned(long x) {
    BigInteger v = BigInteger.valueOf(x);
    return x >= 0 ? v : v.add(TWO_64);
  }

  /** True when {@code v} fits a signed 128-bit integer ({@code -2^127 <= v < 2^127}). */
  public static boolean fits(BigInteger v) {
    return v.bitLength() <= 127;
  }

  /** The high word of a signed 128-bit value (see {@link #fits}); the caller checks that it fits. */
  public static long hi(BigInteger v) {
    return v.shiftRight(64).longValue();
  }

  /** The low word (unsigned) of a 128-bit value. */
  public static long lo(BigInteger v) {
    return v.longValue();
  }

  /** Signed comparison of {@code (aHi, aLo)} and {@code (bHi, bLo)}: negative, zero or positive. */
  public static int compare(long aHi, long aLo, long bHi, long bLo) {
    return aHi != bHi ? Long.compare(aHi, bHi) : Long.compareUnsigned(aLo, bLo);
  }

  /**
   * High word of the signed 128-bit sum {@code (aHi, aLo) + (bHi, bLo)}; its low word is {@code aLo + bLo}.
   *
   * @throws ArithmeticException when the sum does not fit a signed 128-bit integer
   */
  public static long addHi(long aHi, long aLo, long bHi, long bLo) {
    long lo = aLo + bLo;
    long hi = aHi + bHi + carry(lo, aLo);
    if (((aHi ^ hi) & (bHi ^ hi)) < 0) throw new ArithmeticException("signed 128-bit overflow");
    return hi;
  }

  /** 1 when {@code sum = x + y} (mod 2^64) carried out of 64 bits, given {@code sum} and {@code x}; else 0. */
  public static long carry(long sum, long x) {
    return Long.compareUnsigned(sum, x) < 0 ? 1 : 0;
  }

  /**
   * Floor of the unsigned 128-bit value {@code (hi, lo)} divided by the unsigned 64-bit {@code divisor}, when the
   * quotient fits 64 bits (unsigned). Hacker's Delight {@code divlu} (two 64/32 digit steps with {@link
   * Long#divideUnsigned}).
   *
   * @throws ArithmeticException when {@code divisor} is 0 or the quotient is {@code 2^64} or more ({@code hi >=
   *     divisor}, unsigned)
   */
  public static long divideUnsigned(long hi, long lo, long divisor) {
    if (divisor == 0) throw new ArithmeticException("division by zero");
    if (Long.compareUnsigned(hi, divisor) >= 0) throw new ArithmeticException("128/64 quotient overflows 64 bits");
    final long b = 1L << 32;
    int s = Long.numberOfLeadingZeros(divisor);
    long v = divisor << s;
    long vn1 = v >>> 32;
    long vn0 = v & 0xFFFF_FFFFL;
    long un32 = (hi << s) | ((lo >>> 1) >>> (63 - s)); // (lo >>> 64 - s), and 0 when s == 0
    long un10 = lo << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & 0xFFFF_FFFFL;

    long q1 = Long.divideUnsigned(un32, vn1);
    long rhat = un32 - q1 * vn1;
    while (Long.compareUnsigned(q1, b) >= 0 || Long.compareUnsigned(q1 * vn0, b * rhat + un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, b) >= 0) break;
    }
    long un21 = un32 * b + un1 - q1 * v;

    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = un21 - q0 * vn1;
    while (Long.compareUnsigned(q0, b) >= 0 || Long.compareUnsigned(q0 * vn0, b * rhat + un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, b) >= 0) break;
    }
    return q1 * b + q0;
  }
}
