package io.collateralkeeper.risk.var;

import io.collateralkeeper.risk.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The health factor an account needs so that a given loss leaves it at or above a floor. With health = numerator /
 * denominator (vault: equity / maintenance requirement; Aave: threshold-weighted collateral / debt) and the surplus
 * {@code S = numerator - floor x denominator}, surviving a loss L means {@code S >= L}, i.e. {@code health >= floor +
 * L / denominator}. The loss comes in as a double (a statistic); the result is an exact wad, rounded up. Pure.
 */
public final class VarTarget {
  private VarTarget() {}

  /**
   * @param floorWad the health to stay above, wad (1e18 = liquidation)
   * @param lossUsd the adverse move to survive (VaR or ES), USD, at least 0
   * @param denominatorUsdWad the health factor's denominator now, USD wad; 0 means no requirement (the floor is
   *     returned)
   * @return target health, wad
   * @throws IllegalArgumentException when the loss is negative or not finite
   */
  public static BigInteger targetWad(BigInteger floorWad, double lossUsd, BigInteger denominatorUsdWad) {
    if (!(lossUsd >= 0) || Double.isInfinite(lossUsd)) throw new IllegalArgumentException("loss must be finite and >= 0");
    if (denominatorUsdWad.signum() <= 0) return floorWad;
    BigInteger lossWad = new BigDecimal(lossUsd).multiply(new BigDecimal(Units.WAD)).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    BigInteger[] qr = lossWad.multiply(Units.WAD).divideAndRemainder(denominatorUsdWad);
    BigInteger add = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return floorWad.add(add);
  }
}
