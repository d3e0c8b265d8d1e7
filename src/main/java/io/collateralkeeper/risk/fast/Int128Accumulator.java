package io.collateralkeeper.risk.fast;

import java.math.BigInteger;

/**
 * A signed 128-bit running sum of products, exact: each addition is {@code ±(x * y + z)} for non-negative longs, and
 * an overflow of the signed 128-bit range is remembered ({@link #overflowed()}) instead of wrapping silently. Not
 * thread-safe; meant to live in a local variable of a hot loop (the JIT keeps it in registers).
 */
public final class Int128Accumulator {
  private long hi;
  private long lo;
  private long overflow; // sign bit set once an addition overflowed

  /** Starts a new sum at the signed 128-bit value {@code (hi, lo)}. */
  public Int128Accumulator reset(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
    this.overflow = 0;
    return this;
  }

  /**
   * Adds {@code x * y + z} (when {@code negate} is false) or subtracts it. {@code x}, {@code y} and {@code z} must be
   * non-negative, so {@code x * y + z < 2^126 + 2^63} always fits the signed range and so does its negation.
   */
  public void addProduct(long x, long y, long z, boolean negate) {
    long tLo = x * y;
    long tHi = Math.unsignedMultiplyHigh(x, y);
    long sLo = tLo + z;
    tHi += Int128.carry(sLo, tLo);
    // two's complement negation under a mask (no data-dependent branch): -(h, l) = (~h + (l == 0), -l)
    long m = negate ? -1L : 0L;
    long nLo = (sLo ^ m) - m;
    long nHi = (tHi ^ m) + (m & (sLo == 0 ? 1L : 0L));
    long newLo = lo + nLo;
    long newHi = hi + nHi + Int128.carry(newLo, lo);
    overflow |= (hi ^ newHi) & (nHi ^ newHi);
    hi = newHi;
    lo = newLo;
  }

  /** True when an addition since the last {@link #reset} left the signed 128-bit range (the sum is then wrong). */
  public boolean overflowed() {
    return overflow < 0;
  }

  /** High word (signed) of the sum. */
  public long hi() {
    return hi;
  }

  /** Low word (unsigned) of the sum. */
  public long lo() {
    return lo;
  }

  /** The sum as a BigInteger (meaningful only when not {@link #overflowed()}). */
  public BigInteger toBigInteger() {
    return Int128.toBigInteger(hi, lo);
  }
}
