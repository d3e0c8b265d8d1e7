package io.collateralkeeper.risk.aave;

import static io.collateralkeeper.risk.aave.TestReserves.big;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Half-up rounding and revert conditions of WadRayMath.sol and PercentageMath.sol, worked by hand. */
class WadRayMathTest {
  private static final BigInteger RAY = WadRayMath.RAY;

  @Test
  void rayMulRoundsHalfUp() {
    // 3 x 0.5 = 1.5 -> (1.5e27 + 0.5e27) / 1e27 = 2
    assertThat(WadRayMath.rayMul(BigInteger.valueOf(3), RAY.divide(BigInteger.TWO))).isEqualTo(2);
    // 1 x (0.5 - 1e-27) = just under one half -> (0.5e27 - 1 + 0.5e27) / 1e27 = 0
    assertThat(WadRayMath.rayMul(BigInteger.ONE, WadRayMath.HALF_RAY.subtract(BigInteger.ONE))).isZero();
    // 100 units at an index of 1.1: (110e27 + 0.5e27) / 1e27 = 110
    assertThat(WadRayMath.rayMul(BigInteger.valueOf(100), big("1_100_000_000_000_000_000_000_000_000")))
        .isEqualTo(110);
  }

  @Test
  void rayDivRoundsHalfUp() {
    // (1e27 + 3/2) / 3 = (1e27 + 1) / 3 = 333...333 (27 digits of 3)
    assertThat(WadRayMath.rayDiv(BigInteger.ONE, BigInteger.valueOf(3))).isEqualTo(big("333333333333333333333333333"));
    // (2e27 + 1) / 3 = 666...667 exactly (digit sum of 2000...0001 is 3)
    assertThat(WadRayMath.rayDiv(BigInteger.TWO, BigInteger.valueOf(3))).isEqualTo(big("666666666666666666666666667"));
    // 10 wei of aToken at an index of 1.5: (10e27 + 0.75e27) / 1.5e27 = 7.17 -> 7
    assertThat(WadRayMath.rayDiv(BigInteger.TEN, big("1_500_000_000_000_000_000_000_000_000"))).isEqualTo(7);
  }

  @Test
  void wadDivRoundsHalfUp() {
    // (2e18 + 1) / 3 = 666666666666666667
    assertThat(WadRayMath.wadDiv(BigInteger.TWO, BigInteger.valueOf(3))).isEqualTo(big("666666666666666667"));
    // 16,500 / 15,000 = 1.1 exactly
    assertThat(WadRayMath.wadDiv(BigInteger.valueOf(16_500), BigInteger.valueOf(15_000)))
        .isEqualTo(big("1_100_000_000_000_000_000"));
  }

  @Test
  void wadMulRoundsHalfUp() {
    // 1.5 x 1 wei = (1.5e18 + 0.5e18) / 1e18 = 2
    assertThat(WadRayMath.wadMul(big("1_500_000_000_000_000_000"), BigInteger.ONE)).isEqualTo(2);
  }

  @Test
  void rayToWadRoundsHalfUpAndWadToRayScales() {
    // 1,499,999,999 / 1e9 = 1 remainder 499,999,999 < 5e8 -> 1; 1,500,000,000 -> remainder 5e8 -> 2
    assertThat(WadRayMath.rayToWad(BigInteger.valueOf(1_499_999_999))).isEqualTo(1);
    assertThat(WadRayMath.rayToWad(BigInteger.valueOf(1_500_000_000))).isEqualTo(2);
    assertThat(WadRayMath.wadToRay(BigInteger.valueOf(7))).isEqualTo(7_000_000_000L);
  }

  @Test
  void revertsWhereTheLibraryReverts() {
    assertThatThrownBy(() -> WadRayMath.wadDiv(BigInteger.ONE, BigInteger.ZERO))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> WadRayMath.rayDiv(BigInteger.ONE, BigInteger.ZERO))
        .isInstanceOf(ArithmeticException.class);
    // a x b + HALF_RAY must fit 256 bits: (MAX - HALF_RAY) / 2 + 1 times 2 does not
    BigInteger tooBig = Units.MAX_UINT256.subtract(WadRayMath.HALF_RAY).divide(BigInteger.TWO).add(BigInteger.ONE);
    assertThatThrownBy(() -> WadRayMath.rayMul(tooBig, BigInteger.TWO)).isInstanceOf(ArithmeticException.class);
    assertThat(WadRayMath.rayMul(tooBig.subtract(BigInteger.ONE), BigInteger.TWO)).isPositive();
    // a x RAY + b/2 must fit 256 bits
    BigInteger tooBigForDiv = Units.MAX_UINT256.divide(WadRayMath.RAY).add(BigInteger.ONE);
    assertThatThrownBy(() -> WadRayMath.rayDiv(tooBigForDiv, BigInteger.ONE)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void percentMulRoundsHalfUp() {
    // (10,001 x 5,000 + 5,000) / 10,000 = 50,010,000 / 10,000 = 5,001
    assertThat(PercentageMath.percentMul(BigInteger.valueOf(10_001), 5_000)).isEqualTo(5_001);
    // 3 x 50% = 1.5 -> 2; 1 x 49.99% = 0.4999 -> 0
    assertThat(PercentageMath.percentMul(BigInteger.valueOf(3), 5_000)).isEqualTo(2);
    assertThat(PercentageMath.percentMul(BigInteger.ONE, 4_999)).isZero();
    // a zero percentage never reverts
    assertThat(PercentageMath.percentMul(Units.MAX_UINT256, 0)).isZero();
  }

  @Test
  void percentDivRoundsHalfUp() {
    // (100 x 10,000 + 5,250) / 10,500 = 1,005,250 / 10,500 = 95.7 -> 95
    assertThat(PercentageMath.percentDiv(BigInteger.valueOf(100), 10_500)).isEqualTo(95);
    // (1,000 x 10,000 + 5,250) / 10,500 = 952.9 -> 952
    assertThat(PercentageMath.percentDiv(BigInteger.valueOf(1_000), 10_500)).isEqualTo(952);
    // (11 x 10,000 + 5,250) / 10,500 = 10.98 -> 10
    assertThat(PercentageMath.percentDiv(BigInteger.valueOf(11), 10_500)).isEqualTo(10);
    assertThatThrownBy(() -> PercentageMath.percentDiv(BigInteger.ONE, 0)).isInstanceOf(ArithmeticException.class);
  }
}
