package io.collateralkeeper.oracle;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Whether one source's price may be acted on (pure): the answer must be positive and no older than the source's
 * heartbeat, and, when a second source is configured, that one must be fresh too and the two answers (scaled to the
 * same decimals) may differ by at most {@code maxDeviationBps} of the second source's answer. Exact integer
 * comparisons: {@code |p - s| * 10000 > bound * s} means too far apart.
 */
public final class PriceCheck {
  private PriceCheck() {}

  /**
   * @param source the source checked
   * @param primary the source feed's state
   * @param second the second source's state, when one is configured (empty: none configured)
   * @param secondUnreadable true when a second source is configured but could not be read
   * @param nowSeconds the block timestamp, unix seconds
   * @param rules heartbeats and deviation bound
   * @return the problem, one line starting with "stale price" or "price deviation", or empty when the price is usable
   */
  public static Optional<String> check(
      PriceSource source, FeedState primary, Optional<FeedState> second, boolean secondUnreadable, long nowSeconds,
      PriceRules rules) {
    FeedReading p = primary.reading();
    if (p.answer().signum() <= 0) {
      return Optional.of("stale price: feed %s (asset %s) answers %s".formatted(p.feed(), source.asset(), p.answer()));
    }
    long heartbeat = rules.heartbeatOf(source);
    if (p.isStale(nowSeconds, heartbeat)) {
      return Optional.of(
          "stale price feed %s (asset %s): updated %d s ago, heartbeat %d s"
              .formatted(p.feed(), source.asset(), nowSeconds - p.updatedAt(), heartbeat));
    }
    Optional<Address> configured = rules.secondSourceOf(source);
    if (configured.isEmpty()) return Optional.empty();
    if (secondUnreadable || second.isEmpty()) {
      return Optional.of(
          "price deviation unknown: second source %s of asset %s cannot be read".formatted(configured.get(), source.asset()));
    }
    FeedReading s = second.get().reading();
    long secondHeartbeat = rules.heartbeatOfFeed(s.feed());
    if (s.answer().signum() <= 0 || s.isStale(nowSeconds, secondHeartbeat)) {
      return Optional.of(
          "price deviation unknown: second source %s of asset %s is stale (updated %d s ago, heartbeat %d s, answer %s)"
              .formatted(s.feed(), source.asset(), nowSeconds - s.updatedAt(), secondHeartbeat, s.answer()));
    }
    // Scale both answers to the larger decimals, then compare |p - s| * 10000 with bound * s.
    int d = Math.max(primary.decimals(), second.get().decimals());
    BigInteger pa = p.answer().multiply(BigInteger.TEN.pow(d - primary.decimals()));
    BigInteger sa = s.answer().multiply(BigInteger.TEN.pow(d - second.get().decimals()));
    BigInteger diff = pa.subtract(sa).abs();
    BigInteger bound = BigInteger.valueOf(rules.maxDeviationBps());
    if (diff.multiply(Units.BPS).compareTo(bound.multiply(sa)) > 0) {
      return Optional.of(
          "price deviation: feed %s (asset %s) answers %s, second source %s answers %s: %s bps apart, bound %d bps"
              .formatted(p.feed(), source.asset(), p.answer(), s.feed(), s.answer(), deviationBps(pa, sa),
                  rules.maxDeviationBps()));
    }
    return Optional.empty();
  }

  /** |p - s| / s in basis points, rounded down (for messages). */
  static BigInteger deviationBps(BigInteger p, BigInteger s) {
    return p.subtract(s).abs().multiply(Units.BPS).divide(s);
  }
}
