package io.collateralkeeper.risk.aave;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/** Solidity 0.8 checked {@code uint256} arithmetic: results outside [0, 2^256 - 1] revert, here as exceptions. */
final class Uint256 {
  private Uint256() {}

  /**
   * Returns {@code value} when it fits a {@code uint256}.
   *
   * @throws ArithmeticException when it is negative or above 2^256 - 1 (the contract would revert)
   */
  static BigInteger checked(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(Units.MAX_UINT256) > 0) {
      throw new ArithmeticException("uint256 overflow or underflow");
    }
    return value;
  }

  /** Checked {@code a + b}. */
  static BigInteger add(BigInteger a, BigInteger b) {
    return checked(a.add(b));
  }

  /** Checked {@code a - b}. */
  static BigInteger sub(BigInteger a, BigInteger b) {
    return checked(a.subtract(b));
  }

  /** Checked {@code a * b}. */
  static BigInteger mul(BigInteger a, BigInteger b) {
    return checked(a.multiply(b));
  }

  /** Requires {@code value} to be a valid {@code uint256} argument. */
  static BigInteger requireUint(BigInteger value, String name) {
    if (value == null || value.signum() < 0 || value.compareTo(Units.MAX_UINT256) > 0) {
      throw new IllegalArgumentException(name + " is not a uint256: " + value);
    }
    return value;
  }
}
