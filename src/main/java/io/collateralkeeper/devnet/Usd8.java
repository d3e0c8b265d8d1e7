package io.collateralkeeper.devnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Parses USD prices into Chainlink's 8-decimal fixed-point convention.
 *
 * <p>A price of 2111.00 USD becomes {@code 211100000000}, meaning 2111.00 &times; 10<sup>8</sup>. The conversion goes
 * through {@link BigDecimal} and is exact. No floating-point arithmetic is involved.
 */
public final class Usd8 {

  /** Number of decimals in a Chainlink USD answer. */
  public static final int DECIMALS = 8;

  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  private Usd8() {}

  /**
   * Parses a plain decimal string, such as {@code "2111.0"}, into an 8-decimal USD price.
   *
   * @param text the price in USD, written as a plain decimal without an exponent
   * @param column the name of the column the text came from, used in error messages
   * @param line the 1-based line number the text came from, used in error messages
   * @return the price in units of 10<sup>-8</sup> USD, always positive
   * @throws IllegalArgumentException if the text is not a plain decimal, has more than 8 decimals, or is not positive.
   *     The message names the line and the column.
   */
  public static BigInteger parse(String text, String column, int line) {
    if (!PLAIN_DECIMAL.matcher(text).matches()) {
      throw invalid(text, column, line, "is not a plain decimal number");
    }
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > DECIMALS) {
      throw invalid(text, column, line, "has more than " + DECIMALS + " decimals");
    }
    if (value.signum() <= 0) {
      throw invalid(text, column, line, "must be positive");
    }
    return value.setScale(DECIMALS).unscaledValue();
  }

  private static IllegalArgumentException invalid(String text, String column, int line, String problem) {
    return new IllegalArgumentException("line " + line + ": " + column + " '" + text + "' " + problem);
  }
}
