package io.collateralkeeper.risk.fast;

import java.math.BigInteger;

/**
 * A mutable signed 128-bit integer ({@code hi x 2^64 + lo}, two's complement) for hot loops that must not allocate:
 * each operation updates the register in place and returns it. Every operation is exact; a result outside the signed
 * 128-bit range throws {@link ArithmeticException} instead of wrapping, so a caller can fall back to BigInteger.
 * No floating point. Not thread-safe: meant to live in one thread's scratch state.
 */
public final class MutableInt128 {
  private long hi;
  private long lo;

  /** Zero. */
  public MutableInt128() {}

  /**
   * The value of {@code v}.
   *
   * @throws ArithmeticException when {@code v} does not fit a signed 128-bit integer
   */
  public static MutableInt128 of(BigInteger v) {
    return new MutableInt128().set(v);
  }

  /** Sets the register to a long value. */
  public MutableInt128 set(long v) {
    hi = v >> 63;
    lo = v;
    return this;
  }

  /** Sets the register to another's value. */
  public MutableInt128 set(MutableInt128 v) {
    hi = v.hi;
    lo = v.lo;
    return this;
  }

  /**
   * Sets the register to {@code v}.
   *
   * @throws ArithmeticException when {@code v} does not fit a signed 128-bit integer
   */
  public MutableInt128 set(BigInteger v) {
    if (!Int128.fits(v)) throw new ArithmeticException("beyond 128 bits: " + v.bitLength() + " bits");
    hi = Int128.hi(v);
    lo = Int128.lo(v);
    return this;
  }

  /** The value as a BigInteger. */
  public BigInteger toBigInteger() {
    return Int128.toBigInteger(hi, lo);
  }

  /** -1, 0 or 1 as the value is negative, zero or positive. */
  public int signum() {
    return hi < 0 ? -1 : (hi | lo) == 0 ? 0 : 1;
  }

  /** True when the value is zero. */
  public boolean isZero() {
    return (hi | lo) == 0;
  }

  /** Signed comparison with {@code o}: negative, zero or positive. */
  public int compareTo(MutableInt128 o) {
    return Int128.compare(hi, lo, o.hi, o.lo);
  }

  /** True when the value exceeds {@code o} by more than one ({@code this - o > 1}); both must be non-negative. */
  public boolean exceedsByMoreThanOne(MutableInt128 o) {
    long dLo = lo - o.lo;
    long dHi = hi - o.hi - (Long.compareUnsigned(lo, o.lo) < 0 ? 1 : 0);
    return dHi != 0 ? dHi > 0 : Long.compareUnsigned(dLo, 1) > 0;
  }

  /**
   * Adds {@code o}.
   *
   * @throws ArithmeticException on signed 128-bit overflow
   */
  public MutableInt128 add(MutableInt128 o) {
    long newLo = lo + o.lo;
    hi = Int128.addHi(hi, lo, o.hi, o.lo);
    lo = newLo;
    return this;
  }

  /**
   * Subtracts {@code o}.
   *
   * @throws ArithmeticException on signed 128-bit overflow
   */
  public MutableInt128 subtract(MutableInt128 o) {
    long newLo = lo - o.lo;
    long newHi = hi - o.hi - (Long.compareUnsigned(lo, o.lo) < 0 ? 1 : 0);
    if (((hi ^ o.hi) & (hi ^ newHi)) < 0) throw new ArithmeticException("signed 128-bit overflow");
    hi = newHi;
    lo = newLo;
    return this;
  }

  /**
   * Negates the value.
   *
   * @throws ArithmeticException for {@code -2^127}, whose negation does not fit
   */
  public MutableInt128 negate() {
    if (hi == Long.MIN_VALUE && lo == 0) throw new ArithmeticException("signed 128-bit overflow");
    lo = -lo;
    hi = ~hi + (lo == 0 ? 1 : 0);
    return this;
  }

  /** Halves a non-negative value, rounding down. */
  public MutableInt128 halve() {
    lo = (lo >>> 1) | (hi << 63);
    hi >>= 1;
    return this;
  }

  /**
   * Replaces a non-negative value {@code v} by {@code floor(v x m / q)}, exactly (the product is formed in 192 bits).
   *
   * @param m multiplier, non-negative
   * @param q divisor
   * @throws ArithmeticException when the value or {@code m} is negative, or the result does not fit 127 bits
   */
  public MutableInt128 multiplyDivide(long m, InvariantDivisor q) {
    multiplyDivideRemainder(m, q);
    return this;
  }

  /**
   * As {@link #multiplyDivide}, returning the remainder {@code v x m mod q}.
   *
   * @throws ArithmeticException when the value or {@code m} is negative, or the quotient does not fit 127 bits
   */
  public long multiplyDivideRemainder(long m, InvariantDivisor q) {
    if (hi < 0 || m < 0) throw new ArithmeticException("multiplyDivide needs non-negative operands");
    // (w2, w1, w0) = (hi, lo) x m
    long w0 = lo * m;
    long loHigh = Math.unsignedMultiplyHigh(lo, m);
    long hiLow = hi * m;
    long w2 = Math.multiplyHigh(hi, m);
    long w1 = hiLow + loHigh;
    w2 += Int128.carry(w1, hiLow);
    long d = q.divisor();
    long q1 = 0;
    long r1 = w1;
    if (w2 != 0 || Long.compareUnsigned(w1, d) >= 0) { // a two-word quotient
      if (Long.compareUnsigned(w2, d) >= 0) throw new ArithmeticException("128-bit quotient overflow");
      q1 = q.divide(w2, w1);
      r1 = w1 - q1 * d;
      if (q1 < 0) throw new ArithmeticException("signed 128-bit overflow");
    }
    long q0 = q.divide(r1, w0);
    hi = q1;
    lo = q0;
    return w0 - q0 * d;
  }

  /**
   * Compares {@code a x m} with {@code b x n} exactly (192-bit products) for non-negative {@code a, b, m, n}.
   *
   * @return negative, zero or positive as {@code a x m} is less than, equal to or greater than {@code b x n}
   * @throws ArithmeticException when an operand is negative
   */
  public static int compareProducts(MutableInt128 a, long m, MutableInt128 b, long n) {
    if (a.hi < 0 || b.hi < 0 || m < 0 || n < 0) throw new ArithmeticException("compareProducts needs non-negative operands");
    long a0 = a.lo * m;
    long aLoHigh = Math.unsignedMultiplyHigh(a.lo, m);
    long aHiLow = a.hi * m;
    long a2 = Math.multiplyHigh(a.hi, m);
    long a1 = aHiLow + aLoHigh;
    a2 += Int128.carry(a1, aHiLow);
    long b0 = b.lo * n;
    long bLoHigh = Math.unsignedMultiplyHigh(b.lo, n);
    long bHiLow = b.hi * n;
    long b2 = Math.multiplyHigh(b.hi, n);
    long b1 = bHiLow + bLoHigh;
    b2 += Int128.carry(b1, bHiLow);
    if (a2 != b2) return Long.compareUnsigned(a2, b2);
    if (a1 != b1) return Long.compareUnsigned(a1, b1);
    return Long.compareUnsigned(a0, b0);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
