package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.risk.Units;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The constructor parameters of Aave V3.0.2's {@code DefaultReserveInterestRateStrategy}, all rays (1e27 = 100%),
 * in the contract's order.
 */
public record RateStrategySpec(
    BigInteger optimalUsageRatio,
    BigInteger baseVariableBorrowRate,
    BigInteger variableRateSlope1,
    BigInteger variableRateSlope2,
    BigInteger stableRateSlope1,
    BigInteger stableRateSlope2,
    BigInteger baseStableRateOffset,
    BigInteger stableRateExcessOffset,
    BigInteger optimalStableToTotalDebtRatio) {

  /** ETH-like: kink at 80%, slope1 3.8%, slope2 80%. */
  public static final RateStrategySpec VOLATILE_ONE =
      percent("80", "0", "3.8", "80", "4", "80", "2", "5", "20");

  /** BTC-like and long-tail collateral: kink at 45%, slope1 4%, slope2 300%. */
  public static final RateStrategySpec VOLATILE_TWO =
      percent("45", "0", "4", "300", "7", "300", "2", "5", "20");

  /** Stablecoins: kink at 90%, slope1 4%, slope2 60%. */
  public static final RateStrategySpec STABLE =
      percent("90", "0", "4", "60", "0.5", "60", "1", "8", "20");

  /**
   * Builds a spec from percentages given as exact decimal strings (e.g. "3.8" = 3.8% = 0.038e27), in constructor
   * order.
   *
   * @throws ArithmeticException when a value has more precision than a ray holds
   */
  public static RateStrategySpec percent(String... p) {
    if (p.length != 9) throw new IllegalArgumentException("9 rate parameters expected, got " + p.length);
    return new RateStrategySpec(
        ray(p[0]), ray(p[1]), ray(p[2]), ray(p[3]), ray(p[4]), ray(p[5]), ray(p[6]), ray(p[7]), ray(p[8]));
  }

  private static BigInteger ray(String percent) {
    return new BigDecimal(percent).movePointLeft(2).multiply(new BigDecimal(Units.RAY)).toBigIntegerExact();
  }
}
