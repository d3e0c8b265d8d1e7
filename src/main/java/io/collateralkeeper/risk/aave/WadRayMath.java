package io.collateralkeeper.risk.aave;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * Aave's fixed-point multiplication and division with half-up rounding, mirrored from {@code WadRayMath.sol}
 * (aave-v3-core v3.0.2): wad = 1e18, ray = 1e27. Each operation reverts (here: {@link ArithmeticException}) under
 * exactly the conditions of the library's assembly, so a local result exists exactly when the contract's does.
 */
public final class WadRayMath {
  /** 1e18. */
  public static final BigInteger WAD = Units.WAD;
  /** 0.5e18. */
  public static final BigInteger HALF_WAD = WAD.shiftRight(1);
  /** 1e27. */
  public static final BigInteger RAY = Units.RAY;
  /** 0.5e27. */
  public static final BigInteger HALF_RAY = RAY.shiftRight(1);
  /** 1e9: ray / wad. */
  public static final BigInteger WAD_RAY_RATIO = BigInteger.TEN.pow(9);

  private WadRayMath() {}

  /**
   * {@code (a * b + HALF_WAD) / WAD}: the product of two wads, rounded half up.
   *
   * @throws ArithmeticException when {@code a * b + HALF_WAD} exceeds uint256 (the library reverts)
   */
  public static BigInteger wadMul(BigInteger a, BigInteger b) {
    return mulHalfUp(a, b, WAD, HALF_WAD);
  }

  /**
   * {@code (a * WAD + b / 2) / b}: the quotient of two wads, rounded half up.
   *
   * @throws ArithmeticException when {@code b} is zero or {@code a * WAD + b / 2} exceeds uint256
   */
  public static BigInteger wadDiv(BigInteger a, BigInteger b) {
    return divHalfUp(a, b, WAD);
  }

  /**
   * {@code (a * b + HALF_RAY) / RAY}: the product of two rays (or of an amount and a ray index), rounded half up.
   *
   * @throws ArithmeticException when {@code a * b + HALF_RAY} exceeds uint256
   */
  public static BigInteger rayMul(BigInteger a, BigInteger b) {
    return mulHalfUp(a, b, RAY, HALF_RAY);
  }

  /**
   * {@code (a * RAY + b / 2) / b}: the quotient of two rays (or of an amount by a ray index), rounded half up.
   *
   * @throws ArithmeticException when {@code b} is zero or {@code a * RAY + b / 2} exceeds uint256
   */
  public static BigInteger rayDiv(BigInteger a, BigInteger b) {
    return divHalfUp(a, b, RAY);
  }

  /** A ray converted to a wad, rounded half up ({@code rayToWad}). */
  public static BigInteger rayToWad(BigInteger a) {
    BigInteger[] qr = a.divideAndRemainder(WAD_RAY_RATIO);
    return qr[1].compareTo(WAD_RAY_RATIO.shiftRight(1)) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  /**
   * A wad converted to a ray ({@code wadToRay}).
   *
   * @throws ArithmeticException when the result exceeds uint256
   */
  public static BigInteger wadToRay(BigInteger a) {
    return Uint256.checked(a.multiply(WAD_RAY_RATIO));
  }

  /** {@code (a * b + half) / unit}, reverting when {@code b != 0 && a > (MAX - half) / b}. */
  static BigInteger mulHalfUp(BigInteger a, BigInteger b, BigInteger unit, BigInteger half) {
    if (b.signum() != 0 && a.compareTo(Units.MAX_UINT256.subtract(half).divide(b)) > 0) {
      throw new ArithmeticException("multiplication overflow");
    }
    return a.multiply(b).add(half).divide(unit);
  }

  /** {@code (a * unit + b / 2) / b}, reverting when {@code b == 0 || a > (MAX - b / 2) / unit}. */
  static BigInteger divHalfUp(BigInteger a, BigInteger b, BigInteger unit) {
    if (b.signum() == 0) throw new ArithmeticException("division by zero");
    BigInteger halfB = b.shiftRight(1);
    if (a.compareTo(Units.MAX_UINT256.subtract(halfB).divide(unit)) > 0) {
      throw new ArithmeticException("division overflow");
    }
    return a.multiply(unit).add(halfB).divide(b);
  }
}
