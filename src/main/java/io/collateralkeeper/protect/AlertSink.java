package io.collateralkeeper.protect;

/**
 * Where protect mode's alerts go (a log, a webhook, a pager). Called on the daemon's thread; must return quickly and
 * never throw.
 */
@FunctionalInterface
public interface AlertSink {
  void alert(ProtectAlert alert);
}
