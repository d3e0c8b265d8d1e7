package io.collateralkeeper.execution;

import java.math.BigInteger;

/**
 * The highest base fee a block {@code n} blocks ahead can have under EIP-1559, where each block raises the base fee
 * by at most 1/8 (12.5%) of its parent's, and by at least 1 wei when it rises at all. Pure, exact integer math.
 */
public final class BaseFeeBound {
  private static final BigInteger EIGHT = BigInteger.valueOf(8);
  private static final BigInteger NINE = BigInteger.valueOf(9);

  private BaseFeeBound() {}

  /**
   * The worst-case base fee {@code blocks} blocks after one with {@code baseFee}: the larger of
   * {@code ceil(baseFee x 1.125^blocks)} (computed as {@code ceil(baseFee x 9^n / 8^n)}) and the EIP-1559 recurrence
   * {@code b' = b + max(b / 8, 1)} applied {@code blocks} times. The two agree for base fees of 8 wei and more (the
   * recurrence is never above the formula there); below 8 wei the recurrence's minimum step of 1 wei dominates.
   *
   * @param baseFee a block's base fee, wei, non-negative
   * @param blocks how many blocks ahead, 0 or more (0 returns {@code baseFee})
   * @return the bound, wei
   * @throws IllegalArgumentException when an argument is negative
   */
  public static BigInteger after(BigInteger baseFee, int blocks) {
    if (baseFee.signum() < 0) throw new IllegalArgumentException("negative base fee");
    if (blocks < 0) throw new IllegalArgumentException("negative block count");
    BigInteger den = EIGHT.pow(blocks);
    BigInteger formula = baseFee.multiply(NINE.pow(blocks)).add(den).subtract(BigInteger.ONE).divide(den);
    BigInteger recurrence = baseFee;
    for (int i = 0; i < blocks; i++) recurrence = recurrence.add(recurrence.divide(EIGHT).max(BigInteger.ONE));
    return formula.max(recurrence);
  }
}
