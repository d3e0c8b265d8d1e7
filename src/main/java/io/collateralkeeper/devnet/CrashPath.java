package io.collateralkeeper.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo's real price path: ETH and BTC through the 2024-08-05 crash, one point per devnet block.
 *
 * <p>The path is built from hourly Binance spot bars (see {@code data/PROVENANCE.md}). Each bar is walked through
 * open, first extreme, second extreme and close, as {@link BarWalk} describes. A bar's open is the previous bar's
 * close, and the first bar's open is its own close. A point is dropped only when both ETH and BTC would repeat the
 * previous point, so the two assets always move together. The open of every bar after the first repeats the previous
 * close, so it never becomes a point of its own. In practice each bar adds up to three points, and the first bar adds
 * up to four.
 *
 * <p>All prices are USD in Chainlink's 8-decimal convention, in units of 10<sup>-8</sup> USD. For example,
 * {@code 211100000000} means 2111.00 USD. USDT quotes are taken as USD.
 */
public final class CrashPath {

  /** Classpath location of the shipped 2024-08-05 ETH/BTC hourly bars. */
  public static final String RESOURCE = "/data/eth_btc_crash_2024-08-05_1h.csv";

  private final List<PricePoint> points;

  private CrashPath(List<PricePoint> points) {
    this.points = List.copyOf(points);
  }

  /**
   * Loads the shipped 2024-08-05 crash path from {@link #RESOURCE} on the classpath.
   *
   * @return the path
   * @throws IllegalStateException if the resource is missing
   * @throws IllegalArgumentException if the resource is malformed. The message names the line.
   * @throws UncheckedIOException if the resource cannot be read
   */
  public static CrashPath load() {
    try (InputStream in = CrashPath.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " not found");
      }
      return fromReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Builds a path from crash-window CSV text in the format {@link CrashBarsCsv} reads.
   *
   * @param reader the CSV text. It is read to the end but not closed.
   * @return the path
   * @throws IllegalArgumentException if the CSV is malformed or its ETH and BTC timestamps do not align. The message
   *     names the line.
   * @throws UncheckedIOException if the reader fails
   */
  public static CrashPath fromReader(Reader reader) {
    return new CrashPath(walk(CrashBarsCsv.read(reader)));
  }

  private static List<PricePoint> walk(AlignedBars bars) {
    List<PricePoint> path = new ArrayList<>();
    BigInteger ethOpen = bars.eth().getFirst().close();
    BigInteger btcOpen = bars.btc().getFirst().close();
    for (int i = 0; i < bars.size(); i++) {
      HourlyBar eth = bars.eth().get(i);
      HourlyBar btc = bars.btc().get(i);
      List<BigInteger> ethPrices = BarWalk.waypoints(ethOpen, eth);
      List<BigInteger> btcPrices = BarWalk.waypoints(btcOpen, btc);
      for (int k = 0; k < ethPrices.size(); k++) {
        appendUnlessRepeat(path, new PricePoint(path.size(), eth.openTime(), ethPrices.get(k), btcPrices.get(k)));
      }
      ethOpen = eth.close();
      btcOpen = btc.close();
    }
    return path;
  }

  private static void appendUnlessRepeat(List<PricePoint> path, PricePoint point) {
    if (!path.isEmpty()) {
      PricePoint last = path.getLast();
      if (last.eth().equals(point.eth()) && last.btc().equals(point.btc())) {
        return;
      }
    }
    path.add(point);
  }

  /**
   * Returns every point of the path in order. Point {@code i} has step {@code i}.
   *
   * @return an unmodifiable list of points
   */
  public List<PricePoint> points() {
    return points;
  }

  /**
   * Returns the number of points, which is also the number of devnet blocks the path spans.
   *
   * @return the number of points, at least 1
   */
  public int size() {
    return points.size();
  }

  /**
   * Returns the lowest price of an asset anywhere on the path.
   *
   * @param asset the asset
   * @return the minimum price in 10<sup>-8</sup> USD
   */
  public BigInteger minPrice(Asset asset) {
    return points.stream().map(p -> p.price(asset)).min(Comparator.naturalOrder()).orElseThrow();
  }

  /**
   * Returns the highest price of an asset anywhere on the path.
   *
   * @param asset the asset
   * @return the maximum price in 10<sup>-8</sup> USD
   */
  public BigInteger maxPrice(Asset asset) {
    return points.stream().map(p -> p.price(asset)).max(Comparator.naturalOrder()).orElseThrow();
  }

  /**
   * Returns the price of an asset at the first point, which is the first bar's close.
   *
   * @param asset the asset
   * @return the starting price in 10<sup>-8</sup> USD
   */
  public BigInteger startPrice(Asset asset) {
    return points.getFirst().price(asset);
  }
}
