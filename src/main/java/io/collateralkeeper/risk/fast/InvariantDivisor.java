package io.collateralkeeper.risk.fast;

/**
 * Floor division of 128-bit values by a fixed positive 64-bit divisor using a precomputed reciprocal: Möller and
 * Granlund, "Improved division by invariant integers" (IEEE TC 2011), Algorithm 4 ({@code udiv_qrnnd_preinv}), with
 * the divisor normalized so its top bit is set. Three multiplications and no hardware division per call. Exact: the
 * result always equals {@code floor(n / divisor)} under the documented preconditions. Immutable, thread-safe.
 */
public final class InvariantDivisor {
  private final long divisor;
  private final int shift;
  private final long normalized;
  private final long reciprocal;

  /**
   * @param divisor positive divisor
   * @throws IllegalArgumentException when {@code divisor <= 0}
   */
  public InvariantDivisor(long divisor) {
    if (divisor <= 0) throw new IllegalArgumentException("divisor must be positive: " + divisor);
    this.divisor = divisor;
    this.shift = Long.numberOfLeadingZeros(divisor);
    this.normalized = divisor << shift;
    // v = floor((2^128 - 1) / d) - 2^64 = floor(((2^64 - 1 - d) * 2^64 + 2^64 - 1) / d)
    this.reciprocal = Int128.divideUnsigned(~normalized, -1L, normalized);
  }

  /** The divisor. */
  public long divisor() {
    return divisor;
  }

  /**
   * {@code floor((hi x 2^64 + lo) / divisor)} for an unsigned 128-bit dividend whose quotient is below {@code 2^64}
   * (that is {@code hi < divisor}, unsigned). The caller guarantees the precondition; it is not checked here (see
   * {@link Int128#divideUnsigned} for the checked general division).
   */
  public long divide(long hi, long lo) {
    long n1 = (hi << shift) | ((lo >>> 1) >>> (63 - shift)); // lo >>> (64 - shift), 0 when shift == 0
    long n0 = lo << shift;
    long pLo = reciprocal * n1;
    long pHi = Math.unsignedMultiplyHigh(reciprocal, n1);
    long q0 = pLo + n0;
    long q1 = pHi + n1 + 1 + Int128.carry(q0, pLo);
    long r = n0 - q1 * normalized;
    long m = Long.compareUnsigned(r, q0) > 0 ? -1L : 0L; // likely: mask instead of a branch
    q1 += m;
    r += m & normalized;
    if (Long.compareUnsigned(r, normalized) >= 0) q1++; // unlikely
    return q1;
  }

  /**
   * {@code floor(x * y / divisor)} for {@code 0 <= x < divisor} and {@code y >= 0}: the quotient is then below
   * {@code y}, so it fits a long.
   */
  public long multiplyDivide(long x, long y) {
    return divide(Math.unsignedMultiplyHigh(x, y), x * y);
  }
}
