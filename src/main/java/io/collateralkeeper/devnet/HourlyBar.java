package io.collateralkeeper.devnet;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One 1-hour price bar of one asset, as read from a crash-window CSV.
 *
 * <p>All prices are USD in Chainlink's 8-decimal convention, in units of 10<sup>-8</sup> USD (see {@link Usd8}). The
 * CSV has no open price. {@link BarWalk} uses the previous bar's close as the open.
 *
 * @param line the 1-based CSV line the bar was read from, used in error messages
 * @param asset the asset the bar prices
 * @param openTime the UTC opening time of the bar
 * @param close the last traded price of the hour, in 10<sup>-8</sup> USD
 * @param low the lowest traded price of the hour, in 10<sup>-8</sup> USD
 * @param high the highest traded price of the hour, in 10<sup>-8</sup> USD
 */
record HourlyBar(int line, Asset asset, Instant openTime, BigInteger close, BigInteger low, BigInteger high) {

  /**
   * Checks that the bar is complete and consistent.
   *
   * @throws IllegalArgumentException if {@code low <= close <= high} does not hold. The message names the line.
   */
  HourlyBar {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(openTime, "openTime");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    if (low.compareTo(close) > 0 || close.compareTo(high) > 0) {
      throw new IllegalArgumentException(
          "line " + line + ": " + asset + " bar needs low <= price <= high but has low " + low + ", price " + close
              + ", high " + high + " (10^-8 USD)");
    }
  }
}
