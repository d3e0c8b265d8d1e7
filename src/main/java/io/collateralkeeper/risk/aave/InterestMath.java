package io.collateralkeeper.risk.aave;

import java.math.BigInteger;

/**
 * Interest accrual factors, mirrored from {@code MathUtils.sol} (aave-v3-core v3.0.2). Rates are yearly rays
 * (1e27 = 100% a year), timestamps are unix seconds, and a year is 365 days.
 */
public final class InterestMath {
  /** 365 days in seconds. */
  public static final BigInteger SECONDS_PER_YEAR = BigInteger.valueOf(365L * 24 * 60 * 60);

  private InterestMath() {}

  /**
   * {@code RAY + rate * (now - lastUpdate) / SECONDS_PER_YEAR}: simple interest, used for the liquidity index
   * ({@code calculateLinearInterest}).
   *
   * @param rate yearly rate, ray
   * @return the accrual factor, ray
   * @throws ArithmeticException when {@code now < lastUpdate} (the contract's subtraction reverts)
   */
  public static BigInteger linearInterest(BigInteger rate, long lastUpdateTimestamp, long currentTimestamp) {
    BigInteger elapsed = Uint256.sub(BigInteger.valueOf(currentTimestamp), BigInteger.valueOf(lastUpdateTimestamp));
    BigInteger result = Uint256.mul(rate, elapsed).divide(SECONDS_PER_YEAR);
    return Uint256.add(WadRayMath.RAY, result);
  }

  /**
   * The first three terms of the binomial expansion of {@code (1 + rate / SECONDS_PER_YEAR)^elapsed}, with the
   * contract's truncations: used for the variable borrow index and stable debt balances
   * ({@code calculateCompoundedInterest}).
   *
   * @param rate yearly rate, ray
   * @return the accrual factor, ray ({@code RAY} when no time elapsed)
   * @throws ArithmeticException when {@code now < lastUpdate} or an intermediate product overflows uint256
   */
  public static BigInteger compoundedInterest(BigInteger rate, long lastUpdateTimestamp, long currentTimestamp) {
    BigInteger exp = Uint256.sub(BigInteger.valueOf(currentTimestamp), BigInteger.valueOf(lastUpdateTimestamp));
    if (exp.signum() == 0) return WadRayMath.RAY;
    BigInteger expMinusOne = exp.subtract(BigInteger.ONE);
    BigInteger expMinusTwo = exp.compareTo(BigInteger.TWO) > 0 ? exp.subtract(BigInteger.TWO) : BigInteger.ZERO;
    BigInteger basePowerTwo = WadRayMath.rayMul(rate, rate).divide(SECONDS_PER_YEAR.multiply(SECONDS_PER_YEAR));
    BigInteger basePowerThree = WadRayMath.rayMul(basePowerTwo, rate).divide(SECONDS_PER_YEAR);
    BigInteger secondTerm = Uint256.mul(Uint256.mul(exp, expMinusOne), basePowerTwo).divide(BigInteger.TWO);
    BigInteger thirdTerm =
        Uint256.mul(Uint256.mul(Uint256.mul(exp, expMinusOne), expMinusTwo), basePowerThree)
            .divide(BigInteger.valueOf(6));
    BigInteger linear = Uint256.mul(rate, exp).divide(SECONDS_PER_YEAR);
    return Uint256.add(Uint256.add(Uint256.add(WadRayMath.RAY, linear), secondTerm), thirdTerm);
  }
}
