package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/** Builders of reserve configurations and reserves for the hand-worked examples. */
final class TestReserves {
  static final BigInteger RAY = WadRayMath.RAY;

  private TestReserves() {}

  /** An address ending in the given byte, for readable test assets. */
  static Address addr(int n) {
    return Address.of(String.format("0x%040x", n));
  }

  /**
   * A configuration bitmap assembled with the bit positions of {@code ReserveConfiguration.sol}: active, borrowing
   * enabled, the given risk parameters.
   */
  static BigInteger bitmap(int ltv, int threshold, int bonus, int decimals, int protocolFeeBps, int eMode) {
    return BigInteger.valueOf(ltv)
        .or(BigInteger.valueOf(threshold).shiftLeft(16))
        .or(BigInteger.valueOf(bonus).shiftLeft(32))
        .or(BigInteger.valueOf(decimals).shiftLeft(48))
        .setBit(56) // active
        .setBit(58) // borrowing enabled
        .or(BigInteger.valueOf(protocolFeeBps).shiftLeft(152))
        .or(BigInteger.valueOf(eMode).shiftLeft(168));
  }

  /** A reserve whose indexes were last updated at {@code lastUpdate}, with the given rates. */
  static AaveReserve reserve(
      int id,
      BigInteger configBitmap,
      BigInteger liquidityIndex,
      BigInteger liquidityRate,
      BigInteger borrowIndex,
      BigInteger borrowRate,
      long lastUpdate) {
    return new AaveReserve(
        addr(0x100 + id),
        id,
        ReserveConfig.decode(configBitmap),
        liquidityIndex,
        liquidityRate,
        borrowIndex,
        borrowRate,
        BigInteger.ZERO,
        lastUpdate,
        addr(0x200 + id),
        addr(0x300 + id),
        addr(0x400 + id));
  }

  /** A reserve with both indexes at 1.0 (ray) and no interest, updated at {@code lastUpdate}. */
  static AaveReserve fresh(int id, BigInteger configBitmap, long lastUpdate) {
    return reserve(id, configBitmap, RAY, BigInteger.ZERO, RAY, BigInteger.ZERO, lastUpdate);
  }

  static UserReserve supply(BigInteger scaled) {
    return new UserReserve(scaled, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0);
  }

  static UserReserve borrow(BigInteger scaled) {
    return new UserReserve(BigInteger.ZERO, scaled, BigInteger.ZERO, BigInteger.ZERO, 0);
  }

  static BigInteger units(String whole, int decimals) {
    return new java.math.BigDecimal(whole).movePointRight(decimals).toBigIntegerExact();
  }

  static BigInteger big(String digits) {
    return new BigInteger(digits.replace("_", ""));
  }
}
