package io.collateralkeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate limits per kind, secrets scrubbed, bundle misses in a row. */
class AlertsTest {
  private static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

  private final List<Alert> received = new ArrayList<>();
  private final MutableClock clock = new MutableClock();

  @Test
  void shouldSendOneAlertPerKindPerIntervalAndCountTheHeldBack() {
    Alerts alerts = new Alerts(new RateLimitedAlertSink(received::add, Duration.ofSeconds(300), clock), new SecretScrubber(List.of()));
    alerts.staleHead("a");
    alerts.staleHead("b");
    alerts.walletBelowFloor("c"); // another kind passes
    clock.now = clock.now.plusSeconds(299);
    alerts.staleHead("d");
    clock.now = clock.now.plusSeconds(1);
    alerts.staleHead("e");
    assertThat(received).extracting(Alert::message).containsExactly("a", "c", "e (2 more held back since the last one)");
  }

  @Test
  void shouldNeverLetAKeyOrAUrlSecretOut() {
    String webhook = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX";
    Alerts alerts = new Alerts(received::add, new SecretScrubber(List.of(KEY, webhook)));
    alerts.raise(AlertKind.RPC_DOWN, "key " + KEY.substring(2).toUpperCase() + " hook " + webhook
        + " rpc https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef");
    String m = received.get(0).message();
    assertThat(m).doesNotContainIgnoringCase(KEY.substring(2)).doesNotContain("XXXXXXXX").doesNotContain("0123456789abcdef");
    assertThat(m).isEqualTo("key *** hook *** rpc https://mainnet.infura.io/v3/***");
  }

  @Test
  void shouldAlertWhenBundlesMissNTargetBlocksInARow() {
    BundleMisses misses = new BundleMisses(new Alerts(received::add, new SecretScrubber(List.of())), 3);
    misses.missed("0xb1");
    misses.missed("0xb1");
    misses.included();
    misses.missed("0xb2");
    misses.missed("0xb2");
    assertThat(received).isEmpty();
    misses.missed("0xb3");
    assertThat(received).extracting(Alert::kind).containsExactly(AlertKind.BUNDLE_NOT_INCLUDED);
    assertThat(received.get(0).message()).isEqualTo("bundles missed 3 target blocks in a row (last: 0xb3)");
  }

  @Test
  void shouldNameTheAccountOfARevertedTransaction() {
    new Alerts(received::add, new SecretScrubber(List.of()))
        .txReverted(Address.of("0x00000000000000000000000000000000000000a1"), "0xfeed", 42);
    assertThat(received.get(0)).isEqualTo(new Alert(AlertKind.TX_REVERTED,
        "liquidation of 0x00000000000000000000000000000000000000a1 reverted in block 42, tx 0xfeed"));
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2024-08-05T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
