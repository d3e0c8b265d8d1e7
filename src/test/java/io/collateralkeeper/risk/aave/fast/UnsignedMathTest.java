package io.collateralkeeper.risk.aave.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The long-limb divisions against BigInteger, on random and boundary operands. */
class UnsignedMathTest {
  private static final long[] EDGES = {
    0, 1, 2, 3, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, -2, -1,
    0x8000_0001_0000_0000L, 0xFFFF_FFFF_0000_0000L, 0x0000_0001_FFFF_FFFFL
  };

  @Test
  void divluEqualsBigIntegerDivision() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 300_000; i++) {
      long d = randomLimb(r);
      if (d == 0) continue;
      long u1 = Long.remainderUnsigned(randomLimb(r), d);
      long u0 = randomLimb(r);
      BigInteger expected = UnsignedMath.toBig(u1, u0).divide(UnsignedMath.unsigned(d));
      assertThat(UnsignedMath.unsigned(UnsignedMath.divlu(u1, u0, d))).as("%x %x / %x", u1, u0, d)
          .isEqualTo(expected);
    }
  }

  @Test
  void invariantDivisionEqualsBigIntegerDivision() {
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 300_000; i++) {
      long d = randomLimb(r) >>> (1 + r.nextInt(63));
      if (d == 0) continue;
      InvariantDivisor div = InvariantDivisor.of(d);
      long hi = Long.remainderUnsigned(randomLimb(r), d);
      long lo = randomLimb(r);
      assertThat(div.fitsQuotient(hi, lo)).isTrue();
      long q = div.divide(hi, lo);
      BigInteger[] qr = UnsignedMath.toBig(hi, lo).divideAndRemainder(BigInteger.valueOf(d));
      assertThat(UnsignedMath.unsigned(q)).as("%x %x / %x", hi, lo, d).isEqualTo(qr[0]);
      assertThat(UnsignedMath.unsigned(lo - q * d)).isEqualTo(qr[1]);
    }
  }

  @Test
  void powersOfTenAndFiveToThe27th() {
    long[] divisors = {1, 10, 1_000_000L, 100_000_000L, 1_000_000_000_000_000_000L, 7_450_580_596_923_828_125L};
    for (long d : divisors) {
      InvariantDivisor div = InvariantDivisor.of(d);
      for (long lo : EDGES) {
        for (long hi : new long[] {0, 1, d - 1, d / 2}) {
          if (Long.compareUnsigned(hi, d) >= 0) continue;
          BigInteger expected = UnsignedMath.toBig(hi, lo).divide(BigInteger.valueOf(d));
          assertThat(UnsignedMath.unsigned(div.divide(hi, lo))).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void limbConversionsRoundTrip() {
    BigInteger max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    assertThat(UnsignedMath.toBig(-1, -1)).isEqualTo(max);
    assertThat(UnsignedMath.fits128(max)).isTrue();
    assertThat(UnsignedMath.fits128(max.add(BigInteger.ONE))).isFalse();
    assertThat(UnsignedMath.toBig(UnsignedMath.hi(max), UnsignedMath.lo(max))).isEqualTo(max);
  }

  /** Mostly uniform limbs, sometimes an edge value or a short one (small divisors, small high limbs). */
  private static long randomLimb(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> EDGES[r.nextInt(EDGES.length)];
      case 1 -> r.nextLong() >>> r.nextInt(64);
      default -> r.nextLong();
    };
  }
}
