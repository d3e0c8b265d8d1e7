package io.collateralkeeper.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Heartbeats and deviation bounds, with exact integer comparisons at the edges. */
class PriceCheckTest {
  private static final Address WETH = Address.of("0x00000000000000000000000000000000000000e1");
  private static final Address FEED = Address.of("0x00000000000000000000000000000000000000f1");
  private static final Address SECOND = Address.of("0x00000000000000000000000000000000000000f2");
  private static final PriceSource SOURCE = new PriceSource(WETH, FEED);
  private static final long NOW = 1_700_000_000L;

  private static FeedState feed(Address f, long answer, long updatedAt, int decimals) {
    return new FeedState(new FeedReading(f, BigInteger.ONE, BigInteger.valueOf(answer), updatedAt), decimals);
  }

  private static PriceRules rules(long heartbeat, long bound, boolean second) {
    return new PriceRules(heartbeat, Map.of(), bound, second ? Map.of(WETH, SECOND) : Map.of());
  }

  @Test
  void shouldAcceptAFeedUpdatedExactlyOneHeartbeatAgo() {
    Optional<String> v = PriceCheck.check(SOURCE, feed(FEED, 3000_00000000L, NOW - 3600, 8), Optional.empty(), false, NOW,
        rules(3600, 300, false));
    assertThat(v).isEmpty();
  }

  @Test
  void shouldRefuseAFeedOneSecondOlderThanItsHeartbeat() {
    Optional<String> v = PriceCheck.check(SOURCE, feed(FEED, 3000_00000000L, NOW - 3601, 8), Optional.empty(), false, NOW,
        rules(3600, 300, false));
    assertThat(v).get().asString().startsWith("stale price feed " + FEED).contains("updated 3601 s ago, heartbeat 3600 s");
  }

  @Test
  void shouldPreferTheAssetsOwnHeartbeatOverTheDefault() {
    PriceRules r = new PriceRules(86_400, Map.of(WETH, 60L), 300, Map.of());
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 1, NOW - 61, 8), Optional.empty(), false, NOW, r)).isPresent();
    PriceRules byFeed = new PriceRules(86_400, Map.of(FEED, 60L), 300, Map.of());
    assertThat(byFeed.heartbeatOf(SOURCE)).isEqualTo(60);
  }

  @Test
  void shouldRefuseANonPositiveAnswer() {
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 0, NOW, 8), Optional.empty(), false, NOW, rules(3600, 300, false)))
        .get().asString().startsWith("stale price").contains("answers 0");
  }

  @Test
  void shouldAcceptADeviationExactlyAtTheBound() {
    // 3% of 3000.00000000 = 90.00000000: 3090 is at the bound, 3090.00000001 beyond it
    Optional<FeedState> second = Optional.of(feed(SECOND, 3000_00000000L, NOW, 8));
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 3090_00000000L, NOW, 8), second, false, NOW, rules(3600, 300, true)))
        .isEmpty();
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 3090_00000001L, NOW, 8), second, false, NOW, rules(3600, 300, true)))
        .get().asString().startsWith("price deviation: feed " + FEED).contains("300 bps apart, bound 300 bps");
  }

  @Test
  void shouldCompareFeedsOfDifferentDecimals() {
    // second source with 18 decimals: 3000e18; primary 2700e8 is 10% below
    Optional<FeedState> second =
        Optional.of(new FeedState(new FeedReading(SECOND, BigInteger.ONE, new BigInteger("3000000000000000000000"), NOW), 18));
    Optional<String> v = PriceCheck.check(SOURCE, feed(FEED, 2700_00000000L, NOW, 8), second, false, NOW, rules(3600, 500, true));
    assertThat(v).get().asString().contains("1000 bps apart");
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 2900_00000000L, NOW, 8), second, false, NOW, rules(3600, 500, true)))
        .isEmpty();
  }

  @Test
  void shouldRefuseWhenTheSecondSourceIsStaleOrUnreadable() {
    Optional<FeedState> staleSecond = Optional.of(feed(SECOND, 3000_00000000L, NOW - 7200, 8));
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 3000_00000000L, NOW, 8), staleSecond, false, NOW, rules(3600, 300, true)))
        .get().asString().startsWith("price deviation unknown").contains("is stale");
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 3000_00000000L, NOW, 8), Optional.empty(), true, NOW, rules(3600, 300, true)))
        .get().asString().contains("cannot be read");
  }

  @Test
  void shouldIgnoreSecondSourcesOfOtherAssets() {
    PriceRules r = new PriceRules(3600, Map.of(), 1, Map.of(Address.of("0x00000000000000000000000000000000000000e2"), SECOND));
    assertThat(PriceCheck.check(SOURCE, feed(FEED, 3000_00000000L, NOW, 8), Optional.empty(), false, NOW, r)).isEmpty();
  }
}
