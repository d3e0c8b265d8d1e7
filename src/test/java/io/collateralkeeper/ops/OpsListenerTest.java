package io.collateralkeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-head alerts: bundle target blocks missed in a row on the bundle route, bad prices. */
class OpsListenerTest {
  private static final Address A = Address.of("0x00000000000000000000000000000000000000a1");
  private final List<Alert> received = new ArrayList<>();
  private final Alerts alerts = new Alerts(received::add, new SecretScrubber(List.of()));

  private OpsListener listener(boolean bundles) {
    HealthState health = new HealthState(Clock.systemUTC(), Duration.ofSeconds(60), BigInteger.ZERO);
    return new OpsListener(new OpportunityTracker(3), new KeeperMetrics(health), health, alerts, Clock.systemUTC(),
        bundles ? Optional.of(new BundleMisses(alerts, 2)) : Optional.empty());
  }

  private static BlockReport head(long block, Set<Address> open, Map<Address, String> prices) {
    return new BlockReport(block, 1, Set.of(A), List.of(), List.of(), List.of(), 0, open, Set.of(), prices);
  }

  @Test
  void shouldAlertWhenHeadsPassWithOurBundleInFlight() {
    OpsListener l = listener(true);
    l.onBlock(head(1, Set.of(A), Map.of())); // sent for block 2
    l.onBlock(head(2, Set.of(A), Map.of())); // missed once
    assertThat(received).isEmpty();
    l.onBlock(head(3, Set.of(A), Map.of())); // twice in a row
    assertThat(received).extracting(Alert::kind).containsExactly(AlertKind.BUNDLE_NOT_INCLUDED);
  }

  @Test
  void shouldNotCountBundleMissesOnThePublicRoute() {
    OpsListener l = listener(false);
    for (int b = 1; b < 6; b++) l.onBlock(head(b, Set.of(A), Map.of()));
    assertThat(received).isEmpty();
  }

  @Test
  void shouldAlertOnRefusedPrices() {
    listener(false).onBlock(head(1, Set.of(), Map.of(A, "stale price feed 0xf: updated 700 s ago, heartbeat 600 s")));
    assertThat(received).containsExactly(new Alert(AlertKind.STALE_ORACLE,
        "no liquidation on bad prices: stale price feed 0xf: updated 700 s ago, heartbeat 600 s"));
  }
}
