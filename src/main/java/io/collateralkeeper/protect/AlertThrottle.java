package io.collateralkeeper.protect;

import java.util.HashMap;
import java.util.Map;

/**
 * Passes an alert on when it is new, then again every {@code repeatBlocks} blocks while it persists, so a condition
 * that lasts is repeated (never silent) without flooding the log every block.
 */
final class AlertThrottle {
  private final AlertSink sink;
  private final long repeatBlocks;
  private final Map<String, Long> lastSent = new HashMap<>();

  AlertThrottle(AlertSink sink, long repeatBlocks) {
    this.sink = sink;
    this.repeatBlocks = Math.max(1, repeatBlocks);
  }

  /** Sends the alert unless the same account and code was sent less than repeatBlocks ago; true when sent. */
  boolean offer(ProtectAlert alert, long block) {
    String key = alert.account().hex() + ":" + alert.code();
    Long last = lastSent.get(key);
    if (last != null && block - last < repeatBlocks) return false;
    lastSent.put(key, block);
    sink.alert(alert);
    return true;
  }
}
