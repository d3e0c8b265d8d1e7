package io.collateralkeeper.protect;

/** Observes the protect daemon (tests, metrics). Called on the daemon's thread; must return quickly. */
@FunctionalInterface
public interface ProtectListener {
  void onBlock(ProtectReport report);

  ProtectListener NONE = report -> {};
}
