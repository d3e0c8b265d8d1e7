package io.collateralkeeper.devnet;

import java.util.List;

/**
 * The ETH and BTC hourly bars of one crash window, aligned so that index {@code i} of both lists is the same hour.
 *
 * @param eth the ETH bars in time order
 * @param btc the BTC bars in time order, with the same opening times as {@code eth}
 */
record AlignedBars(List<HourlyBar> eth, List<HourlyBar> btc) {

  /**
   * Copies the lists and checks the alignment.
   *
   * @throws IllegalArgumentException if there are no bars, if an asset's bars are not in strictly increasing time
   *     order, or if the two assets do not have the same opening times. The message names the offending line.
   */
  AlignedBars {
    eth = List.copyOf(eth);
    btc = List.copyOf(btc);
    requireIncreasing(eth);
    requireIncreasing(btc);
    requireAligned(eth, btc);
  }

  /**
   * Returns the number of hours covered.
   *
   * @return the number of bars per asset
   */
  int size() {
    return eth.size();
  }

  private static void requireIncreasing(List<HourlyBar> bars) {
    for (int i = 1; i < bars.size(); i++) {
      HourlyBar previous = bars.get(i - 1);
      HourlyBar bar = bars.get(i);
      if (!bar.openTime().isAfter(previous.openTime())) {
        throw new IllegalArgumentException(
            "line " + bar.line() + ": " + bar.asset() + " bar at " + bar.openTime() + " is not after the previous "
                + bar.asset() + " bar at " + previous.openTime() + " (line " + previous.line() + ")");
      }
    }
  }

  private static void requireAligned(List<HourlyBar> eth, List<HourlyBar> btc) {
    if (eth.isEmpty() && btc.isEmpty()) {
      throw new IllegalArgumentException("CSV has no ETH or BTC bars");
    }
    int common = Math.min(eth.size(), btc.size());
    for (int i = 0; i < common; i++) {
      HourlyBar e = eth.get(i);
      HourlyBar b = btc.get(i);
      if (!e.openTime().equals(b.openTime())) {
        throw new IllegalArgumentException(
            "line " + b.line() + ": BTC bar at " + b.openTime() + " does not align with ETH bar at " + e.openTime()
                + " (line " + e.line() + ")");
      }
    }
    if (eth.size() != btc.size()) {
      HourlyBar extra = eth.size() > btc.size() ? eth.get(common) : btc.get(common);
      Asset missing = extra.asset() == Asset.ETH ? Asset.BTC : Asset.ETH;
      throw new IllegalArgumentException(
          "line " + extra.line() + ": " + extra.asset() + " bar at " + extra.openTime() + " has no " + missing
              + " bar (ETH has " + eth.size() + " bars, BTC has " + btc.size() + ")");
    }
  }
}
