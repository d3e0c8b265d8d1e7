package io.collateralkeeper.protect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alerts as log lines: {@code ALERT CRITICAL CANNOT_ACT 0xabc...: message} at ERROR (critical) or WARN level. */
public final class LoggingAlertSink implements AlertSink {
  private static final Logger LOG = LoggerFactory.getLogger("io.collateralkeeper.protect.ALERT");

  @Override
  public void alert(ProtectAlert a) {
    if (a.severity() == ProtectAlert.Severity.CRITICAL) {
      LOG.error("ALERT {} {} {}: {}", a.severity(), a.code(), a.account(), a.message());
    } else {
      LOG.warn("ALERT {} {} {}: {}", a.severity(), a.code(), a.account(), a.message());
    }
  }
}
