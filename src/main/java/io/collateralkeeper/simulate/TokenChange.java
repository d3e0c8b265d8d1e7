package io.collateralkeeper.simulate;

import java.math.BigInteger;

/**
 * How the keeper's balance of one token changed over a dry run.
 *
 * @param token the token and the price it is valued at
 * @param before balance at the fork block, raw units
 * @param after balance at the end, raw units
 */
public record TokenChange(PricedToken token, BigInteger before, BigInteger after) {
  /** after - before, raw units. */
  public BigInteger delta() {
    return after.subtract(before);
  }

  /** The change valued at the token's price, USD wad (rounded toward zero). */
  public BigInteger deltaUsdWad() {
    BigInteger d = delta();
    return d.signum() >= 0 ? token.usdWad(d) : token.usdWad(d.negate()).negate();
  }
}
