package io.collateralkeeper.risk.aave;

import java.math.BigInteger;

/**
 * Percentages in basis points with half-up rounding, mirrored from {@code PercentageMath.sol} (aave-v3-core v3.0.2):
 * 10,000 = 100.00%.
 */
public final class PercentageMath {
  /** 1e4 = 100.00%. */
  public static final BigInteger PERCENTAGE_FACTOR = BigInteger.valueOf(10_000);
  /** 0.5e4. */
  public static final BigInteger HALF_PERCENTAGE_FACTOR = BigInteger.valueOf(5_000);

  private PercentageMath() {}

  /**
   * {@code (value * percentage + 5000) / 10000}: {@code value} times a percentage in bps, rounded half up.
   *
   * @throws ArithmeticException when the product overflows uint256 (the library reverts)
   */
  public static BigInteger percentMul(BigInteger value, BigInteger percentage) {
    return WadRayMath.mulHalfUp(value, percentage, PERCENTAGE_FACTOR, HALF_PERCENTAGE_FACTOR);
  }

  /** {@link #percentMul(BigInteger, BigInteger)} with an int percentage in bps. */
  public static BigInteger percentMul(BigInteger value, int percentageBps) {
    return percentMul(value, BigInteger.valueOf(percentageBps));
  }

  /**
   * {@code (value * 10000 + percentage / 2) / percentage}: {@code value} divided by a percentage in bps, rounded half
   * up.
   *
   * @throws ArithmeticException when {@code percentage} is zero or the product overflows uint256
   */
  public static BigInteger percentDiv(BigInteger value, BigInteger percentage) {
    return WadRayMath.divHalfUp(value, percentage, PERCENTAGE_FACTOR);
  }

  /** {@link #percentDiv(BigInteger, BigInteger)} with an int percentage in bps. */
  public static BigInteger percentDiv(BigInteger value, int percentageBps) {
    return percentDiv(value, BigInteger.valueOf(percentageBps));
  }
}
