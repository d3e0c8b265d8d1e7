package io.collateralkeeper.execution;

import io.collateralkeeper.execution.bundle.BundleRoute;

/**
 * The pipeline's bundle route: every transaction in flight goes, in nonce order, as one bundle for the next block to
 * every relay of {@code route}, and is never broadcast to the public mempool.
 *
 * @param route the relays
 * @param maxBlocks blocks an intent's transaction may wait in bundles before the intent is given up (cancelled, or
 *     dropped when nothing later depends on its nonce); at least 1
 */
public record BundleMode(BundleRoute route, long maxBlocks) {
  public BundleMode {
    java.util.Objects.requireNonNull(route, "route");
    if (maxBlocks < 1) throw new IllegalArgumentException("maxBlocks must be at least 1");
  }
}
