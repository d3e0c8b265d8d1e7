package io.collateralkeeper.protect;

import io.collateralkeeper.ops.AlertKind;
import io.collateralkeeper.ops.Alerts;

/**
 * Protect alerts logged ({@link LoggingAlertSink}) and handed to the operations alerts ({@code ops.webhook-url}, rate
 * limited and scrubbed of secrets there) as {@link AlertKind#PROTECT_FAILED}.
 */
public final class OpsAlertSink implements AlertSink {
  private final LoggingAlertSink log = new LoggingAlertSink();
  private final Alerts alerts;

  public OpsAlertSink(Alerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void alert(ProtectAlert a) {
    log.alert(a);
    alerts.raise(AlertKind.PROTECT_FAILED, "protect " + a.severity() + " " + a.code() + " " + a.account() + ": " + a.message());
  }
}
