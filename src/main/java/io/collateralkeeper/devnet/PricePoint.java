package io.collateralkeeper.devnet;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of the devnet price path: the USD price of every asset at that step.
 *
 * <p>Prices are USD in Chainlink's 8-decimal convention, in units of 10<sup>-8</sup> USD. For example,
 * {@code 211100000000} means 2111.00 USD.
 *
 * @param step the 0-based position of the point in the path. The demo advances one step per devnet block.
 * @param barTime the UTC opening time of the hourly bar this point was taken from
 * @param eth the ETH price in 10<sup>-8</sup> USD
 * @param btc the BTC price in 10<sup>-8</sup> USD
 */
public record PricePoint(int step, Instant barTime, BigInteger eth, BigInteger btc) {

  /**
   * Validates the point.
   *
   * @throws IllegalArgumentException if the step is negative or a price is not positive
   */
  public PricePoint {
    Objects.requireNonNull(barTime, "barTime");
    Objects.requireNonNull(eth, "eth");
    Objects.requireNonNull(btc, "btc");
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0 but was " + step);
    }
    if (eth.signum() <= 0 || btc.signum() <= 0) {
      throw new IllegalArgumentException("prices must be positive but were ETH " + eth + ", BTC " + btc);
    }
  }

  /**
   * Returns the price of one asset at this point.
   *
   * @param asset the asset to price
   * @return the price in 10<sup>-8</sup> USD
   */
  public BigInteger price(Asset asset) {
    return switch (asset) {
      case ETH -> eth;
      case BTC -> btc;
    };
  }
}
