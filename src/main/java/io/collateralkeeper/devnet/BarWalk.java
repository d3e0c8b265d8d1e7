package io.collateralkeeper.devnet;

import java.math.BigInteger;
import java.util.List;

/**
 * Turns one hourly bar into the four prices a market plausibly visited during that hour.
 *
 * <p>The order is open, first extreme, second extreme, close. A bar that closes below its open visits the high first
 * and then the low. Any other bar visits the low first and then the high. This is the usual assumption when only
 * open, high, low and close are known.
 */
final class BarWalk {

  private BarWalk() {}

  /**
   * Returns the prices visited during one bar.
   *
   * @param open the price at the start of the bar, in 10<sup>-8</sup> USD. This is the previous bar's close, or the
   *     bar's own close for the first bar.
   * @param bar the bar to walk
   * @return {@code [open, high, low, close]} for a bar that closes below its open, otherwise
   *     {@code [open, low, high, close]}. All values are in 10<sup>-8</sup> USD.
   */
  static List<BigInteger> waypoints(BigInteger open, HourlyBar bar) {
    boolean down = bar.close().compareTo(open) < 0;
    BigInteger first = down ? bar.high() : bar.low();
    BigInteger second = down ? bar.low() : bar.high();
    return List.of(open, first, second, bar.close());
  }
}
