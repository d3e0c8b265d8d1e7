package io.collateralkeeper.risk.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MutableInt128} against BigInteger on random operands, including the edges of the signed 128-bit range. */
class MutableInt128Test {
  private static final BigInteger MIN_128 = BigInteger.ONE.shiftLeft(127).negate();
  private static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
  private final SplittableRandom r = new SplittableRandom(11);

  @Test
  void shouldAddSubtractAndNegateLikeBigIntegerOrRefuseOnOverflow() {
    for (int i = 0; i < 200_000; i++) {
      BigInteger a = signed();
      BigInteger b = signed();
      assertResult(() -> MutableInt128.of(a).add(MutableInt128.of(b)), a.add(b));
      assertResult(() -> MutableInt128.of(a).subtract(MutableInt128.of(b)), a.subtract(b));
      assertResult(() -> MutableInt128.of(a).negate(), a.negate());
      assertThat(MutableInt128.of(a).compareTo(MutableInt128.of(b))).isEqualTo(a.compareTo(b));
      assertThat(MutableInt128.of(a).signum()).isEqualTo(a.signum());
      assertThat(MutableInt128.of(a).isZero()).isEqualTo(a.signum() == 0);
    }
    assertResult(() -> MutableInt128.of(MIN_128).negate(), MIN_128.negate());
    assertResult(() -> MutableInt128.of(MAX_128).add(new MutableInt128().set(1)), MAX_128.add(BigInteger.ONE));
    assertResult(() -> MutableInt128.of(MIN_128).subtract(new MutableInt128().set(1)), MIN_128.subtract(BigInteger.ONE));
    assertResult(() -> new MutableInt128().set(-5L), BigInteger.valueOf(-5));
    assertResult(() -> new MutableInt128().set(Long.MIN_VALUE), BigInteger.valueOf(Long.MIN_VALUE));
  }

  @Test
  void shouldMultiplyDivideExactlyInOneHundredNinetyTwoBits() {
    for (int i = 0; i < 300_000; i++) {
      BigInteger a = nonNegative();
      long m = word();
      long q = r.nextInt(10) == 0 ? 1 : Math.max(1, word());
      BigInteger[] expected = a.multiply(BigInteger.valueOf(m)).divideAndRemainder(BigInteger.valueOf(q));
      assertResult(() -> MutableInt128.of(a).multiplyDivide(m, new InvariantDivisor(q)), expected[0]);
      if (Int128.fits(expected[0])) {
        MutableInt128 v = MutableInt128.of(a);
        assertThat(v.multiplyDivideRemainder(m, new InvariantDivisor(q))).isEqualTo(expected[1].longValueExact());
        assertThat(v.toBigInteger()).isEqualTo(expected[0]);
      }
    }
    assertThatThrownBy(() -> new MutableInt128().set(-1).multiplyDivide(1, new InvariantDivisor(1)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> new MutableInt128().set(1).multiplyDivide(-1, new InvariantDivisor(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldCompareProductsExactly() {
    for (int i = 0; i < 300_000; i++) {
      BigInteger a = nonNegative();
      BigInteger b = r.nextInt(5) == 0 ? a : nonNegative();
      long m = word();
      long n = r.nextInt(5) == 0 ? m : word();
      int expected = a.multiply(BigInteger.valueOf(m)).compareTo(b.multiply(BigInteger.valueOf(n)));
      assertThat(Integer.signum(MutableInt128.compareProducts(MutableInt128.of(a), m, MutableInt128.of(b), n)))
          .as("%s x %d vs %s x %d", a, m, b, n).isEqualTo(expected);
    }
  }

  @Test
  void shouldHalveAndMeasureGapsOfNonNegativeValues() {
    for (int i = 0; i < 200_000; i++) {
      BigInteger a = nonNegative();
      BigInteger gap = BigInteger.valueOf(r.nextInt(4));
      BigInteger b = r.nextBoolean() ? a.add(gap).min(MAX_128) : nonNegative().max(a);
      assertThat(MutableInt128.of(a).halve().toBigInteger()).isEqualTo(a.shiftRight(1));
      assertThat(MutableInt128.of(b).exceedsByMoreThanOne(MutableInt128.of(a)))
          .as("%s - %s > 1", b, a).isEqualTo(b.subtract(a).compareTo(BigInteger.ONE) > 0);
    }
  }

  @Test
  void shouldRefuseValuesBeyond128Bits() {
    assertThatThrownBy(() -> MutableInt128.of(MAX_128.add(BigInteger.ONE))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> MutableInt128.of(MIN_128.subtract(BigInteger.ONE))).isInstanceOf(ArithmeticException.class);
    assertThat(MutableInt128.of(MIN_128).toBigInteger()).isEqualTo(MIN_128);
  }

  /** The operation's result equals {@code expected}, or it threw ArithmeticException because that does not fit. */
  private static void assertResult(java.util.function.Supplier<MutableInt128> op, BigInteger expected) {
    if (Int128.fits(expected)) {
      assertThat(op.get().toBigInteger()).isEqualTo(expected);
    } else {
      assertThatThrownBy(op::get).isInstanceOf(ArithmeticException.class);
    }
  }

  private BigInteger signed() {
    BigInteger v = nonNegative();
    return r.nextBoolean() ? v.negate().subtract(BigInteger.valueOf(r.nextInt(2))).max(MIN_128) : v;
  }

  private BigInteger nonNegative() {
    return switch (r.nextInt(8)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> MAX_128.subtract(BigInteger.valueOf(r.nextInt(3)));
      case 2 -> BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(r.nextInt(-2, 3)));
      default -> new BigInteger(r.nextInt(1, 128), new Random(r.nextLong()));
    };
  }

  private long word() {
    return switch (r.nextInt(6)) {
      case 0 -> 0;
      case 1 -> Long.MAX_VALUE - r.nextInt(3);
      case 2 -> r.nextLong(1, 1_000_000);
      default -> r.nextLong(0, Long.MAX_VALUE);
    };
  }
}
