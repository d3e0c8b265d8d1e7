package io.collateralkeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each health rule alone, at its edge. */
class HealthCheckTest {
  private static final Instant T0 = Instant.parse("2024-08-05T00:00:00Z");
  private static final Duration STALE = Duration.ofSeconds(60);
  private static final BigInteger FLOOR = new BigInteger("500000000000000000"); // 0.5 ETH

  private static Health at(Instant now, Optional<Instant> head, Optional<BigInteger> wallet, Map<String, EndpointStatus> eps) {
    return HealthCheck.evaluate(now, T0, head, STALE, wallet, FLOOR, eps);
  }

  @Test
  void shouldBeHealthyWithAFreshHeadAFundedWalletAndAWorkingEndpoint() {
    Health h = at(T0.plusSeconds(100), Optional.of(T0.plusSeconds(40)), Optional.of(FLOOR),
        Map.of("http://a", new EndpointStatus(2, Optional.empty())));
    assertThat(h.healthy()).as("%s", h.reasons()).isTrue();
  }

  @Test
  void shouldFlagAHeadOlderThanTheLimit() {
    Health h = at(T0.plusSeconds(101), Optional.of(T0.plusSeconds(40)), Optional.empty(), Map.of());
    assertThat(h.problems()).extracting(Health.Problem::kind).containsExactly(AlertKind.STALE_HEAD);
    assertThat(h.reasons().get(0)).isEqualTo("stale head: no new block processed for 61 s (limit 60 s)");
    assertThat(at(T0.plusSeconds(61), Optional.empty(), Optional.empty(), Map.of()).reasons())
        .containsExactly("stale head: no block processed in the 61 s since start (limit 60 s)");
  }

  @Test
  void shouldFlagAWalletBelowItsFloorToTheWei() {
    Health h = at(T0, Optional.of(T0), Optional.of(FLOOR.subtract(BigInteger.ONE)), Map.of());
    assertThat(h.reasons()).containsExactly("wallet below floor: 0.499999999999999999 ETH < 0.5 ETH");
    assertThat(at(T0, Optional.of(T0), Optional.of(FLOOR), Map.of()).healthy()).isTrue();
  }

  @Test
  void shouldFlagRpcOnlyWhenEveryEndpointIsDown() {
    EndpointStatus down = new EndpointStatus(EndpointStatus.DOWN_AFTER_FAILURES, Optional.empty());
    EndpointStatus up = new EndpointStatus(0, Optional.of(T0));
    assertThat(at(T0, Optional.of(T0), Optional.empty(), Map.of("http://a", down, "http://b", up)).healthy()).isTrue();
    Health h = at(T0, Optional.of(T0), Optional.empty(), Map.of("http://a", down));
    assertThat(h.problems()).extracting(Health.Problem::kind).containsExactly(AlertKind.RPC_DOWN);
    assertThat(h.reasons().get(0)).isEqualTo("every RPC endpoint is down: http://a (3 failures in a row)");
  }
}
