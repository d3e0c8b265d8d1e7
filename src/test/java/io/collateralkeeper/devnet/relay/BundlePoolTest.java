package io.collateralkeeper.devnet.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Waiting bundles: taken per block in arrival order, replaced by id, dropped once their block passed. */
class BundlePoolTest {

  @Test
  void shouldTakeTheBundlesForABlockInArrivalOrder() {
    BundlePool pool = new BundlePool();
    pool.add(bundle("a", 10, null));
    pool.add(bundle("b", 11, null));
    pool.add(bundle("c", 10, null));

    assertThat(pool.take(10)).extracting(PendingBundle::bundleHash).containsExactly("a", "c");
    assertThat(pool.take(10)).isEmpty();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldReplaceAWaitingBundleWithTheSameReplacementId() {
    BundlePool pool = new BundlePool();
    pool.add(bundle("first", 10, "uuid-1"));
    pool.add(bundle("other", 10, "uuid-2"));
    pool.add(bundle("second", 11, "uuid-1"));

    assertThat(pool.take(10)).extracting(PendingBundle::bundleHash).containsExactly("other");
    assertThat(pool.take(11)).extracting(PendingBundle::bundleHash).containsExactly("second");
  }

  @Test
  void shouldDropBundlesWhoseBlockPassed() {
    BundlePool pool = new BundlePool();
    pool.add(bundle("old", 9, null));
    pool.add(bundle("now", 10, null));
    pool.add(bundle("next", 11, null));

    assertThat(pool.dropThrough(10)).isEqualTo(2);
    assertThat(pool.take(11)).extracting(PendingBundle::bundleHash).containsExactly("next");
  }

  private static PendingBundle bundle(String hash, long target, String uuid) {
    return new PendingBundle(List.of(), target, Set.of(), Optional.ofNullable(uuid), hash);
  }
}
