package io.collateralkeeper.risk.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Int128}, {@link Int128Accumulator} and {@link InvariantDivisor} against BigInteger on random inputs. */
class Int128Test {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger MIN_128 = BigInteger.ONE.shiftLeft(127).negate();
  private static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

  @Test
  void shouldRoundTripSigned128BitValuesThroughHiAndLo() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      BigInteger v = new BigInteger(r.nextInt(128), new java.util.Random(r.nextLong()));
      if (r.nextBoolean()) v = v.negate();
      assertThat(Int128.fits(v)).isTrue();
      assertThat(Int128.toBigInteger(Int128.hi(v), Int128.lo(v))).isEqualTo(v);
    }
    assertThat(Int128.toBigInteger(Int128.hi(MIN_128), Int128.lo(MIN_128))).isEqualTo(MIN_128);
    assertThat(Int128.fits(MAX_128)).isTrue();
    assertThat(Int128.fits(MAX_128.add(BigInteger.ONE))).isFalse();
    assertThat(Int128.fits(MIN_128.subtract(BigInteger.ONE))).isFalse();
  }

  @Test
  void shouldCompareAndAddLikeBigIntegerAndDetectOverflow() {
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 200_000; i++) {
      BigInteger a = random128(r);
      BigInteger b = r.nextInt(8) == 0 ? a : random128(r);
      assertThat(Integer.signum(Int128.compare(Int128.hi(a), Int128.lo(a), Int128.hi(b), Int128.lo(b))))
          .isEqualTo(a.compareTo(b));
      BigInteger sum = a.add(b);
      if (Int128.fits(sum)) {
        long hi = Int128.addHi(Int128.hi(a), Int128.lo(a), Int128.hi(b), Int128.lo(b));
        assertThat(Int128.toBigInteger(hi, Int128.lo(a) + Int128.lo(b))).isEqualTo(sum);
      } else {
        assertThatThrownBy(() -> Int128.addHi(Int128.hi(a), Int128.lo(a), Int128.hi(b), Int128.lo(b)))
            .isInstanceOf(ArithmeticException.class);
      }
    }
  }

  @Test
  void shouldDivide128By64BitsLikeBigInteger() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 300_000; i++) {
      long d = randomDivisor(r);
      long hi = Long.remainderUnsigned(r.nextLong(), d); // quotient < 2^64
      long lo = r.nextLong();
      BigInteger n = Int128.unsigned(hi).shiftLeft(64).add(Int128.unsigned(lo));
      assertThat(Int128.unsigned(Int128.divideUnsigned(hi, lo, d))).isEqualTo(n.divide(Int128.unsigned(d)));
    }
    // extremes: largest dividend for a divisor, divisor 1, divisor 2^64 - 1
    assertThat(Int128.divideUnsigned(0, -1L, 1)).isEqualTo(-1L);
    assertThat(Int128.unsigned(Int128.divideUnsigned(-2L, -1L, -1L)))
        .isEqualTo(TWO_64.shiftLeft(64).subtract(TWO_64).subtract(BigInteger.ONE).divide(TWO_64.subtract(BigInteger.ONE)));
  }

  @Test
  void shouldRefuseAQuotientThatDoesNotFit64BitsOrADivisionByZero() {
    assertThatThrownBy(() -> Int128.divideUnsigned(5, 0, 5)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Int128.divideUnsigned(-1L, 0, 7)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Int128.divideUnsigned(0, 1, 0)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldDivideByAnInvariantDivisorLikeBigInteger() {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 2_000; i++) {
      long d = i < 19 ? pow10(i) : r.nextLong(1, Long.MAX_VALUE);
      if (i == 19) d = Long.MAX_VALUE;
      InvariantDivisor div = new InvariantDivisor(d);
      BigInteger bd = BigInteger.valueOf(d);
      for (int j = 0; j < 200; j++) {
        long hi = j == 0 ? d - 1 : r.nextLong(d); // quotient < 2^64
        long lo = j == 0 ? -1L : j == 1 ? 0 : r.nextLong();
        BigInteger n = BigInteger.valueOf(hi).shiftLeft(64).add(Int128.unsigned(lo));
        assertThat(Int128.unsigned(div.divide(hi, lo))).isEqualTo(n.divide(bd));
        long x = j == 0 ? d - 1 : r.nextLong(d);
        long y = j == 0 ? Long.MAX_VALUE : r.nextLong(Long.MAX_VALUE);
        assertThat(BigInteger.valueOf(div.multiplyDivide(x, y)))
            .isEqualTo(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)).divide(bd));
      }
    }
  }

  @Test
  void shouldRefuseANonPositiveInvariantDivisor() {
    assertThatThrownBy(() -> new InvariantDivisor(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvariantDivisor(-10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAccumulateSignedProductsExactlyAndFlagOverflow() {
    SplittableRandom r = new SplittableRandom(5);
    Int128Accumulator acc = new Int128Accumulator();
    int overflows = 0;
    for (int i = 0; i < 50_000; i++) {
      BigInteger start = random128(r);
      acc.reset(Int128.hi(start), Int128.lo(start));
      BigInteger expected = start;
      boolean overflowed = false;
      for (int j = 0, n = r.nextInt(1, 6); j < n; j++) {
        long x = randomNonNegative(r);
        long y = randomNonNegative(r);
        long z = randomNonNegative(r);
        boolean negate = r.nextBoolean();
        acc.addProduct(x, y, z, negate);
        BigInteger t = BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)).add(BigInteger.valueOf(z));
        expected = negate ? expected.subtract(t) : expected.add(t);
        overflowed |= !Int128.fits(expected);
      }
      if (overflowed) {
        overflows++;
        continue; // a wrapped partial sum may come back in range: only "no overflow => exact" is promised
      }
      assertThat(acc.overflowed()).isFalse();
      assertThat(acc.toBigInteger()).isEqualTo(expected);
    }
    assertThat(overflows).isGreaterThan(100);
  }

  @Test
  void shouldFlagASumThatLeavesTheSigned128BitRange() {
    Int128Accumulator acc = new Int128Accumulator().reset(Int128.hi(MAX_128), Int128.lo(MAX_128));
    acc.addProduct(0, 0, 1, false);
    assertThat(acc.overflowed()).isTrue();
    acc.reset(Int128.hi(MIN_128), Int128.lo(MIN_128)).addProduct(1, 1, 0, true);
    assertThat(acc.overflowed()).isTrue();
    acc.reset(Int128.hi(MIN_128), Int128.lo(MIN_128)).addProduct(0, 5, 0, true); // -0 is fine
    assertThat(acc.overflowed()).isFalse();
    assertThat(acc.toBigInteger()).isEqualTo(MIN_128);
  }

  private static long randomNonNegative(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextLong(1_000);
      case 1 -> Long.MAX_VALUE - r.nextLong(1_000);
      default -> r.nextLong(Long.MAX_VALUE);
    };
  }

  private static long randomDivisor(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextLong(1, 1L << 32);
      case 1 -> r.nextLong() | Long.MIN_VALUE; // top bit set (unsigned >= 2^63)
      case 2 -> pow10(r.nextInt(19));
      default -> r.nextLong(1, Long.MAX_VALUE);
    };
  }

  private static BigInteger random128(SplittableRandom r) {
    BigInteger v = switch (r.nextInt(4)) {
      case 0 -> MAX_128.subtract(BigInteger.valueOf(r.nextLong(1_000)));
      case 1 -> MIN_128.add(BigInteger.valueOf(r.nextLong(1_000)));
      default -> new BigInteger(r.nextInt(128), new java.util.Random(r.nextLong()));
    };
    return r.nextInt(4) == 0 ? v.negate().max(MIN_128).min(MAX_128) : v;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) p *= 10;
    return p;
  }
}
