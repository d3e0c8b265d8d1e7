package io.collateralkeeper.devnet.uniswap;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * The initial liquidity of one Uniswap V2 pair.
 *
 * @param tokenA one token
 * @param amountA its amount, token units
 * @param tokenB the other token
 * @param amountB its amount, token units
 */
public record PairSeed(Address tokenA, BigInteger amountA, Address tokenB, BigInteger amountB) {

  /** One side of a pair: a token, its decimals and its USD price (8 decimals). */
  public record Side(Address token, int decimals, BigInteger price) {}

  /**
   * Liquidity worth {@code usdPerSide} dollars on each side at the given prices, so that the pair's spot price equals
   * the ratio of the two prices: amount = usdPerSide × 1e8 × 10^decimals / price, rounded down.
   *
   * @param usdPerSide whole US dollars per side
   * @throws IllegalArgumentException when a price is not positive
   */
  public static PairSeed atPrices(Side a, Side b, long usdPerSide) {
    return new PairSeed(a.token(), amount(a, usdPerSide), b.token(), amount(b, usdPerSide));
  }

  private static BigInteger amount(Side s, long usd) {
    if (s.price().signum() <= 0) throw new IllegalArgumentException("price of " + s.token() + " is not positive");
    return BigInteger.valueOf(usd).multiply(Units.PRICE_UNIT).multiply(Units.unit(s.decimals())).divide(s.price());
  }
}
