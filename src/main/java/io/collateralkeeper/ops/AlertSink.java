package io.collateralkeeper.ops;

/** Where alerts go (a webhook, a test receiver). Must not block the caller for long: the daemon's loop calls it. */
@FunctionalInterface
public interface AlertSink {
  /** Delivers (or queues) one alert; failures are logged, never thrown. */
  void send(Alert alert);

  /** Drops every alert (they are still logged by {@link Alerts}). */
  AlertSink NONE = alert -> {};
}
