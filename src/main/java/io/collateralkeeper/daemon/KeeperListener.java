package io.collateralkeeper.daemon;

/** Observes the daemon (demo driver, metrics). Called on the daemon's thread; must return quickly. */
@FunctionalInterface
public interface KeeperListener {
  /** After each processed head. */
  void onBlock(BlockReport report);

  /**
   * While the daemon indexes event history: blocks {@code from..to} are being fetched and every block up to {@code
   * doneThrough} is done. Called after each {@code eth_getLogs} window.
   */
  default void onIndexProgress(long from, long to, long doneThrough) {}

  KeeperListener NONE = report -> {};

  /** A listener that tells each of {@code listeners}, in order. */
  static KeeperListener all(KeeperListener... listeners) {
    java.util.List<KeeperListener> list = java.util.List.of(listeners);
    return new KeeperListener() {
      @Override
      public void onBlock(BlockReport report) {
        for (KeeperListener l : list) l.onBlock(report);
      }

      @Override
      public void onIndexProgress(long from, long to, long doneThrough) {
        for (KeeperListener l : list) l.onIndexProgress(from, to, doneThrough);
      }
    };
  }
}
