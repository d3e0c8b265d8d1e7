package io.collateralkeeper.risk;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Fixed-point units used on chain: wad (1e18), ray (1e27), basis points (1e4) and 8-decimal oracle prices. */
public final class Units {
  /** 1e18: one unit of a wad-scaled value (USD wad, health factor wad, position size wad). */
  public static final BigInteger WAD = BigInteger.TEN.pow(18);
  /** 1e27: Aave's ray. */
  public static final BigInteger RAY = BigInteger.TEN.pow(27);
  /** 10,000 basis points = 100%. */
  public static final BigInteger BPS = BigInteger.valueOf(10_000);
  /** 1e8: the scale of a Chainlink USD answer. */
  public static final BigInteger PRICE_UNIT = BigInteger.TEN.pow(8);
  /** 2^256 - 1: Solidity's type(uint256).max, the health of an account without debt. */
  public static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Units() {}

  /** 10^decimals, the raw amount of one whole token. */
  public static BigInteger unit(int decimals) {
    return BigInteger.TEN.pow(decimals);
  }

  /**
   * Converts a decimal number (e.g. "1.02", "2500.5") to a wad exactly.
   *
   * @throws ArithmeticException when it has more than 18 decimals
   */
  public static BigInteger toWad(BigDecimal value) {
    return value.setScale(18).unscaledValue();
  }

  /** Converts a wad to a plain decimal for display. */
  public static BigDecimal fromWad(BigInteger wad) {
    return new BigDecimal(wad, 18).stripTrailingZeros();
  }

  /** Formats a wad with a fixed number of decimals (rounded half-up), for display only. */
  public static String formatWad(BigInteger wad, int decimals) {
    return new BigDecimal(wad, 18).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** Formats a health factor wad for display: "inf" for uint256 max. */
  public static String formatHealth(BigInteger healthWad) {
    return healthWad.equals(MAX_UINT256) ? "inf" : formatWad(healthWad, 4);
  }
}
