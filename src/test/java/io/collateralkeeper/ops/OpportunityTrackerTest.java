package io.collateralkeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.SentTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opportunities seen, lost to a competitor, and missed, counted once each. */
class OpportunityTrackerTest {
  private static final Address A = Address.of("0x00000000000000000000000000000000000000a1");
  private static final Address B = Address.of("0x00000000000000000000000000000000000000b2");
  private static final Address C = Address.of("0x00000000000000000000000000000000000000c3");

  private static BlockReport report(long block, Set<Address> liquidatable, List<Address> sent, Set<Address> open, Set<Address> lost) {
    List<Attempt> attempts = sent.stream().map(OpportunityTrackerTest::pending).toList();
    return new BlockReport(block, 10, liquidatable, attempts, List.of(), List.of(), 0, open, lost, Map.of());
  }

  private static Attempt pending(Address a) {
    SentTx tx = new SentTx("0x01", BigInteger.ONE, a, BigInteger.ONE, new FeeQuote(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO), 1);
    return new Attempt(tx, BigInteger.ZERO, BigInteger.ZERO, -1, false, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  @Test
  void shouldCountAnOpportunityOncePerEpisode() {
    OpportunityTracker t = new OpportunityTracker(3);
    assertThat(t.update(report(1, Set.of(A), List.of(), Set.of(), Set.of())).seen()).containsExactly(A);
    assertThat(t.update(report(2, Set.of(A, B), List.of(), Set.of(), Set.of())).seen()).containsExactly(B);
    assertThat(t.update(report(3, Set.of(), List.of(), Set.of(), Set.of())).seen()).isEmpty();
    assertThat(t.update(report(4, Set.of(A), List.of(), Set.of(), Set.of())).seen()).containsExactly(A); // a new episode
  }

  @Test
  void shouldCountAMissAfterMoreThanNBlocksWithoutAnAttemptOnlyOnce() {
    OpportunityTracker t = new OpportunityTracker(2);
    t.update(report(10, Set.of(A, B), List.of(B), Set.of(), Set.of()));
    assertThat(t.update(report(11, Set.of(A, B), List.of(), Set.of(B), Set.of())).missed()).isEmpty();
    assertThat(t.update(report(12, Set.of(A, B), List.of(), Set.of(B), Set.of())).missed()).isEmpty(); // 2 blocks: not more
    assertThat(t.update(report(13, Set.of(A, B), List.of(), Set.of(B), Set.of())).missed()).containsExactly(A);
    assertThat(t.update(report(14, Set.of(A, B), List.of(), Set.of(B), Set.of())).missed()).isEmpty();
  }

  @Test
  void shouldCountALossWhenACompetitorLiquidatesAnOpportunityOfOursWithOrWithoutOurIntent() {
    OpportunityTracker t = new OpportunityTracker(3);
    t.update(report(1, Set.of(A, B), List.of(A), Set.of(), Set.of()));
    OpportunityDelta d = t.update(report(2, Set.of(), List.of(), Set.of(A), Set.of(A, B, C)));
    assertThat(d.lost()).containsExactlyInAnyOrder(A, B); // C was never an opportunity of ours
    assertThat(t.open()).isEmpty();
  }

  @Test
  void shouldNotCountAMissWhileOurIntentIsOpen() {
    OpportunityTracker t = new OpportunityTracker(1);
    t.update(report(1, Set.of(A), List.of(), Set.of(A), Set.of())); // an intent left open by an earlier run
    assertThat(t.update(report(5, Set.of(A), List.of(), Set.of(A), Set.of())).missed()).isEmpty();
  }
}
