package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replacement and cancellation decisions: K blocks, >= 10% bumps rounded up, the cap, tiny fees. */
class ReplacementPolicyTest {
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger BASE = gwei(20);

  final ReplacementPolicy policy = new ReplacementPolicy(3, gwei(100));

  static BigInteger gwei(long g) {
    return BigInteger.valueOf(g).multiply(GWEI);
  }

  static PendingFees pending(BigInteger maxFee, BigInteger tip, long sentBlock) {
    return new PendingFees(maxFee, tip, sentBlock, false);
  }

  @Test
  void shouldWaitUntilKBlocksHavePassed() {
    ReplacementDecision d = policy.decide(pending(gwei(42), gwei(2), 100), 102, true, BASE, Optional.empty());

    assertThat(d).isEqualTo(new ReplacementDecision.Wait(1));
  }

  @Test
  void shouldReplaceAfterKBlocksWithBothFeesRaisedByTenPercent() {
    ReplacementDecision d = policy.decide(pending(gwei(42), gwei(2), 100), 103, true, BASE, Optional.empty());

    // 42 gwei x 1.1 = 46.2 gwei; 2 gwei x 1.1 = 2.2 gwei
    assertThat(d).isEqualTo(
        new ReplacementDecision.Replace(new FeeQuote(new BigInteger("46200000000"), new BigInteger("2200000000"), BASE)));
  }

  @Test
  void shouldRoundTheTenPercentBumpUp() {
    // 1.1 x 1,000,000,001 = 1,100,000,001.1 -> 1,100,000,002
    assertThat(ReplacementPolicy.minimumBump(BigInteger.valueOf(1_000_000_001))).isEqualTo(1_100_000_002L);
    // exact: 1.1 x 1,000,000,000 = 1,100,000,000
    assertThat(ReplacementPolicy.minimumBump(BigInteger.valueOf(1_000_000_000))).isEqualTo(1_100_000_000L);
    // 1.1 x 15 = 16.5 -> 17
    assertThat(ReplacementPolicy.minimumBump(BigInteger.valueOf(15))).isEqualTo(17);
  }

  @Test
  void shouldStillRaiseTinyFeesStrictly() {
    // 10% of 0, 1 and 9 wei rounds to nothing or one: the pool wants strictly higher fields
    assertThat(ReplacementPolicy.minimumBump(BigInteger.ZERO)).isEqualTo(1);
    assertThat(ReplacementPolicy.minimumBump(BigInteger.ONE)).isEqualTo(2);
    assertThat(ReplacementPolicy.minimumBump(BigInteger.valueOf(9))).isEqualTo(10);
    assertThat(ReplacementPolicy.minimumBump(BigInteger.valueOf(10))).isEqualTo(11);

    ReplacementDecision d =
        policy.decide(pending(BigInteger.valueOf(7), BigInteger.ZERO, 0), 10, true, BigInteger.ONE, Optional.empty());
    assertThat(d).isEqualTo(
        new ReplacementDecision.Replace(new FeeQuote(BigInteger.valueOf(8), BigInteger.ONE, BigInteger.ONE)));
  }

  @Test
  void shouldTakeTheMarketQuoteWhenItIsHigherThanTheBump() {
    FeeQuote market = new FeeQuote(gwei(70), gwei(3), gwei(34));

    ReplacementDecision d = policy.decide(pending(gwei(42), gwei(2), 100), 110, true, gwei(34), Optional.of(market));

    assertThat(d).isEqualTo(new ReplacementDecision.Replace(new FeeQuote(gwei(70), gwei(3), gwei(34))));
  }

  @Test
  void shouldCapTheMaxFeeButKeepTheMinimumBump() {
    // market wants 150 gwei: capped at 100; the bump itself (92.4) fits
    FeeQuote market = new FeeQuote(gwei(150), gwei(2), gwei(74));

    ReplacementDecision d = policy.decide(pending(gwei(84), gwei(2), 0), 3, true, gwei(74), Optional.of(market));

    assertThat(d).isEqualTo(
        new ReplacementDecision.Replace(new FeeQuote(gwei(100), new BigInteger("2200000000"), gwei(74))));
  }

  @Test
  void shouldHoldWithAReasonWhenTheCapLeavesNoRoomForTenPercent() {
    // 91 gwei x 1.1 = 100.1 gwei > 100 gwei cap
    ReplacementDecision d = policy.decide(pending(gwei(91), gwei(2), 0), 3, true, BASE, Optional.empty());

    assertThat(d).isInstanceOf(ReplacementDecision.Hold.class);
    assertThat(((ReplacementDecision.Hold) d).reason())
        .isEqualTo("stuck 3 blocks: a 10% bump needs maxFeePerGas 100100000000 wei and tip 2200000000 wei,"
            + " above the fee cap of 100000000000 wei");
  }

  @Test
  void shouldBumpExactlyToTheCap() {
    // 90.9090909... -> 10% over 90,909,090,910 wei = 100,000,000,001 -> above; 90,909,090,909 -> 99,999,999,999.9 -> cap
    ReplacementDecision d =
        policy.decide(pending(BigInteger.valueOf(90_909_090_909L), gwei(1), 0), 3, true, BASE, Optional.empty());

    assertThat(d).isEqualTo(
        new ReplacementDecision.Replace(new FeeQuote(gwei(100), new BigInteger("1100000000"), BASE)));
  }

  @Test
  void shouldCancelAtOnceWhenTheOpportunityIsGone() {
    ReplacementDecision d = policy.decide(pending(gwei(42), gwei(2), 100), 100, false, BASE, Optional.empty());

    assertThat(d).isEqualTo(
        new ReplacementDecision.Cancel(new FeeQuote(new BigInteger("46200000000"), new BigInteger("2200000000"), BASE)));
  }

  @Test
  void shouldHoldACancellationTheCapDoesNotAllow() {
    ReplacementDecision d = policy.decide(pending(gwei(95), gwei(2), 100), 100, false, BASE, Optional.empty());

    assertThat(d).isInstanceOf(ReplacementDecision.Hold.class);
    assertThat(((ReplacementDecision.Hold) d).reason()).startsWith("cannot cancel: a 10% bump needs");
  }

  @Test
  void shouldTreatAPendingCancellationLikeAnyStuckTransaction() {
    PendingFees cancel = new PendingFees(gwei(42), gwei(2), 100, true);

    assertThat(policy.decide(cancel, 101, false, BASE, Optional.empty())).isEqualTo(new ReplacementDecision.Wait(2));
    assertThat(policy.decide(cancel, 103, false, BASE, Optional.empty()))
        .isInstanceOf(ReplacementDecision.Replace.class);
  }

  @Test
  void shouldKeepTheTipAtOrBelowTheMaxFee() {
    // the market tip (120) is above the capped max fee (100): tip = max fee
    FeeQuote market = new FeeQuote(gwei(200), gwei(120), gwei(10));

    ReplacementDecision d = policy.decide(pending(gwei(50), gwei(5), 0), 3, true, gwei(10), Optional.of(market));

    assertThat(d).isEqualTo(new ReplacementDecision.Replace(new FeeQuote(gwei(100), gwei(100), gwei(10))));
  }

  @Test
  void shouldRefuseNonsenseSettings() {
    assertThatThrownBy(() -> new ReplacementPolicy(0, gwei(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReplacementPolicy(1, BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
