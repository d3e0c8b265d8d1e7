package io.collateralkeeper.daemon;

/** Observes the daemon (demo driver, metrics). Called on the daemon's thread; must return quickly. */
@FunctionalInterface
public interface KeeperListener {
  void onBlock(BlockReport report);

  KeeperListener NONE = report -> {};
}
