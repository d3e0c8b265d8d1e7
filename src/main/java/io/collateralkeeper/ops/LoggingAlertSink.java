package io.collateralkeeper.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each alert at WARN (named event {@code alert} with field {@code alert}: the kind), then passes it on. */
public final class LoggingAlertSink implements AlertSink {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  private final AlertSink next;

  /** @param next where alerts go after logging ({@link AlertSink#NONE}: log only) */
  public LoggingAlertSink(AlertSink next) {
    this.next = next;
  }

  @Override
  public void send(Alert alert) {
    LOG.atWarn()
        .addKeyValue("event", "alert")
        .addKeyValue("alert", alert.kind().name())
        .log("alert {}: {}", alert.kind(), alert.message());
    next.send(alert);
  }
}
