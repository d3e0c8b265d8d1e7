package io.collateralkeeper.protect;

import java.util.ArrayList;
import java.util.List;

/** An alert sink that keeps every alert (and logs it like the real one). */
final class RecordingAlerts implements AlertSink {
  final List<ProtectAlert> alerts = new ArrayList<>();
  private final LoggingAlertSink log = new LoggingAlertSink();

  @Override
  public synchronized void alert(ProtectAlert alert) {
    alerts.add(alert);
    log.alert(alert);
  }

  synchronized List<String> codes() {
    return alerts.stream().map(ProtectAlert::code).toList();
  }
}
