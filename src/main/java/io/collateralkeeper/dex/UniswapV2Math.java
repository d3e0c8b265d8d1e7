package io.collateralkeeper.dex;

import java.math.BigInteger;

/**
 * Uniswap V2 constant-product pricing, exactly as {@code UniswapV2Library.getAmountOut} (v2-periphery): a 0.3% fee
 * on the input and integer division rounding down. Amounts are raw token units.
 */
public final class UniswapV2Math {
  private static final BigInteger FEE_NUM = BigInteger.valueOf(997);
  private static final BigInteger FEE_DEN = BigInteger.valueOf(1000);

  private UniswapV2Math() {}

  /**
   * Output of selling {@code amountIn} into a pair holding {@code reserveIn} / {@code reserveOut}.
   *
   * @throws IllegalArgumentException when an amount is not positive (the library's INSUFFICIENT_* requires)
   */
  public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
    if (amountIn.signum() <= 0) throw new IllegalArgumentException("amountIn must be positive");
    if (reserveIn.signum() <= 0 || reserveOut.signum() <= 0) throw new IllegalArgumentException("empty pair");
    BigInteger inWithFee = amountIn.multiply(FEE_NUM);
    return inWithFee.multiply(reserveOut).divide(reserveIn.multiply(FEE_DEN).add(inWithFee));
  }
}
