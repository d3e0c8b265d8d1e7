package io.collateralkeeper.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Passes at most one alert of each {@link AlertKind} per {@code minInterval} to the next sink; the next alert that
 * passes says how many of its kind were held back meanwhile. Thread-safe.
 */
public final class RateLimitedAlertSink implements AlertSink {
  private final AlertSink next;
  private final Duration minInterval;
  private final Clock clock;
  private final Map<AlertKind, Instant> lastSent = new EnumMap<>(AlertKind.class);
  private final Map<AlertKind, Integer> suppressed = new EnumMap<>(AlertKind.class);

  /**
   * @param next where passing alerts go
   * @param minInterval least time between two alerts of one kind (zero: no limit)
   */
  public RateLimitedAlertSink(AlertSink next, Duration minInterval, Clock clock) {
    this.next = next;
    this.minInterval = minInterval;
    this.clock = clock;
  }

  @Override
  public void send(Alert alert) {
    Alert out;
    synchronized (this) {
      Instant now = clock.instant();
      Instant last = lastSent.get(alert.kind());
      if (last != null && Duration.between(last, now).compareTo(minInterval) < 0) {
        suppressed.merge(alert.kind(), 1, Integer::sum);
        return;
      }
      lastSent.put(alert.kind(), now);
      Integer held = suppressed.remove(alert.kind());
      out = held == null ? alert : new Alert(alert.kind(), alert.message() + " (" + held + " more held back since the last one)");
    }
    next.send(out);
  }
}
