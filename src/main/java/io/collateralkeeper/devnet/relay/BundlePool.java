package io.collateralkeeper.devnet.relay;

import java.util.ArrayList;
import java.util.List;

/**
 * The bundles waiting for their block, in arrival order. A bundle with the replacement id of a waiting one replaces
 * it. Pure and not thread-safe: the relay guards it.
 */
final class BundlePool {
  private final List<PendingBundle> bundles = new ArrayList<>();

  /** Adds {@code bundle}, replacing a waiting bundle with the same replacement id. */
  void add(PendingBundle bundle) {
    bundle.replacementUuid().ifPresent(id -> bundles.removeIf(b -> b.replacementUuid().filter(id::equals).isPresent()));
    bundles.add(bundle);
  }

  /** Removes and returns the bundles for {@code block}, in arrival order. */
  List<PendingBundle> take(long block) {
    List<PendingBundle> due = new ArrayList<>();
    bundles.removeIf(b -> b.target() == block && due.add(b));
    return due;
  }

  /** Drops the bundles whose block is {@code head} or earlier (their block passed); returns how many. */
  int dropThrough(long head) {
    int before = bundles.size();
    bundles.removeIf(b -> b.target() <= head);
    return before - bundles.size();
  }

  int size() {
    return bundles.size();
  }
}
