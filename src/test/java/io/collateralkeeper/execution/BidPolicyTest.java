package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bid: tip = clamp(share x (P - G x base) / G, floor, cap), maxFee = base 3 blocks ahead + tip, and the
 * worst-case cost G x maxFee never above P x (1 - margin).
 */
class BidPolicyTest {
  private static final BigInteger G = BigInteger.valueOf(300_000);
  private final BidPolicy policy = new BidPolicy(BidSettings.defaults()); // 80%, cap 100 gwei, margin 10%, 3 blocks

  @Test
  void shouldLowerTheTipUntilTheWorstCaseFitsTheBudget() {
    // README example 1: P = 0.01 ETH, G = 300k, base 20 gwei, floor 1 gwei.
    // share tip = 0.8 x (1e16 - 6e15) / 3e5 = 10.67 gwei; base 3 blocks ahead = 28.4765625 gwei;
    // budget 9e15 -> at most 30 gwei per gas -> tip lowered to 1.5234375 gwei.
    Bid bid = (Bid) policy.decide(eth("0.01"), G, gwei(20), gwei(1));

    assertThat(bid.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(1_523_437_500L));
    assertThat(bid.maxFeePerGas()).isEqualTo(gwei(30));
    assertThat(bid.worstCaseCost()).isEqualTo(eth("0.009")).isEqualTo(bid.budget());
    assertThat(bid.expectedCost()).isEqualTo(new BigInteger("6457031250000000"));
  }

  @Test
  void shouldCapTheTipAtTheAbsoluteCap() {
    // README example 2: P = 0.05 ETH: share tip 117.3 gwei -> cap 100 gwei; worst case 0.0385 ETH <= budget 0.045
    Bid bid = (Bid) policy.decide(eth("0.05"), G, gwei(20), gwei(1));

    assertThat(bid.maxPriorityFeePerGas()).isEqualTo(gwei(100));
    assertThat(bid.maxFeePerGas()).isEqualTo(BigInteger.valueOf(128_476_562_500L));
    assertThat(bid.worstCaseCost()).isEqualTo(new BigInteger("38542968750000000"));
    assertThat(bid.feeQuote()).isEqualTo(new FeeQuote(bid.maxFeePerGas(), gwei(100), gwei(20)));
  }

  @Test
  void shouldUseTheShareWhenItIsBetweenFloorAndCap() {
    // P = 0.1 ETH, G = 300k, base 1 gwei: share = 0.8 x (1e17 - 3e14) / 3e5 = 265.866... gwei > cap; with a 1000 gwei
    // cap the share itself is the tip: 265,866,666,666 wei.
    BidPolicy wide = new BidPolicy(new BidSettings(8000, 50, 10, BigDecimal.valueOf(1000), 1000, 3));
    Bid bid = (Bid) wide.decide(eth("0.1"), G, gwei(1), gwei(1));
    assertThat(bid.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(265_866_666_666L));
  }

  @Test
  void shouldNotBidOnATinyProfit() {
    assertThat(policy.decide(BigInteger.ONE, G, gwei(20), gwei(1))).isInstanceOf(NoBid.class);
    // README example 3: P = 0.008 ETH covers today's base fee (0.006 ETH) but not 3 blocks of growth within 90%
    NoBid no = (NoBid) policy.decide(eth("0.008"), G, gwei(20), gwei(1));
    assertThat(no.reason()).startsWith("worst-case gas cost").contains("above the budget 7200000000000000 wei");
  }

  @Test
  void shouldNotBidWhenTheBaseFeeSpikesAboveTheProfit() {
    assertThat(policy.decide(eth("0.05"), G, gwei(20), gwei(1))).isInstanceOf(Bid.class);
    NoBid no = (NoBid) policy.decide(eth("0.05"), G, gwei(200), gwei(1));
    assertThat(no.reason()).isEqualTo("base fee cost 60000000000000000 wei >= profit 50000000000000000 wei");
  }

  @Test
  void shouldBidAZeroTipWhenShareAndFloorAreZero() {
    BidPolicy noShare = new BidPolicy(new BidSettings(0, 50, 10, BigDecimal.valueOf(100), 1000, 3));
    Bid bid = (Bid) noShare.decide(eth("0.05"), G, gwei(20), BigInteger.ZERO);
    assertThat(bid.maxPriorityFeePerGas()).isZero();
    assertThat(bid.maxFeePerGas()).isEqualTo(BigInteger.valueOf(28_476_562_500L));
  }

  @Test
  void shouldLetAZeroFloorLeaveTheShareAlone() {
    // P = 0.0075 ETH, G = 300k, base 1 gwei, 0 blocks ahead: share = 0.8 x 7.2e15 / 3e5 = 19.2 gwei
    BidPolicy now = new BidPolicy(new BidSettings(8000, 50, 10, BigDecimal.valueOf(100), 1000, 0));
    Bid bid = (Bid) now.decide(eth("0.0075"), G, gwei(1), BigInteger.ZERO);
    assertThat(bid.maxPriorityFeePerGas()).isEqualTo(new BigInteger("19200000000"));
    assertThat(bid.maxFeePerGas()).isEqualTo(new BigInteger("20200000000"));
  }

  @Test
  void shouldLetTheCapWinWhenItIsBelowTheFloor() {
    BidPolicy lowCap = new BidPolicy(new BidSettings(8000, 50, 10, BigDecimal.valueOf(2), 1000, 3));
    Bid bid = (Bid) lowCap.decide(eth("0.05"), G, gwei(20), gwei(5));
    assertThat(bid.maxPriorityFeePerGas()).isEqualTo(gwei(2));
  }

  @Test
  void shouldNotBidWithoutAGasEstimate() {
    assertThat(((NoBid) policy.decide(eth("1"), BigInteger.ZERO, gwei(20), gwei(1))).reason())
        .isEqualTo("no gas estimate (gas = 0)");
  }

  @Test
  void shouldNotBidOnALossOrZeroProfit() {
    assertThat(policy.decide(BigInteger.ZERO, G, gwei(20), gwei(1))).isInstanceOf(NoBid.class);
    assertThat(policy.decide(eth("-1"), G, gwei(20), gwei(1))).isInstanceOf(NoBid.class);
  }

  @Test
  void shouldNeverLetTheWorstCaseExceedTheProfitAndSkipOnlyWhenNoTipFits() {
    Random rnd = new Random(20260521);
    int bids = 0;
    for (int i = 0; i < 50_000; i++) {
      BidSettings s =
          new BidSettings(
              rnd.nextInt(10_001),
              50,
              10,
              new BigDecimal(BigInteger.valueOf(rnd.nextInt(1_000_000)), rnd.nextInt(4)),
              rnd.nextInt(10_000),
              rnd.nextInt(13));
      BigInteger profit = new BigInteger(1 + rnd.nextInt(70), rnd).subtract(BigInteger.valueOf(rnd.nextInt(3)));
      BigInteger gas = BigInteger.valueOf(rnd.nextInt(2_000_000));
      BigInteger base = new BigInteger(1 + rnd.nextInt(40), rnd);
      BigInteger floor = new BigInteger(1 + rnd.nextInt(38), rnd);
      BidDecision d = new BidPolicy(s).decide(profit, gas, base, floor);

      BigInteger worstBase = BaseFeeBound.after(base, s.blocksAhead());
      BigInteger budget = profit.multiply(BigInteger.valueOf(10_000L - s.minMarginBps())).divide(BigInteger.valueOf(10_000));
      BigInteger minTip = floor.min(s.capWei());
      if (d instanceof Bid b) {
        bids++;
        assertThat(b.worstCaseCost()).isEqualTo(gas.multiply(b.maxFeePerGas()));
        assertThat(b.worstCaseCost()).isLessThanOrEqualTo(budget).isLessThanOrEqualTo(profit);
        assertThat(b.maxFeePerGas()).isEqualTo(worstBase.add(b.maxPriorityFeePerGas()));
        assertThat(b.maxPriorityFeePerGas()).isLessThanOrEqualTo(s.capWei()).isGreaterThanOrEqualTo(minTip);
        assertThat(b.expectedCost()).isLessThanOrEqualTo(b.worstCaseCost());
      } else {
        // skipped only when not even the smallest admissible tip fits the budget
        boolean nothingFits =
            gas.signum() <= 0
                || profit.compareTo(gas.multiply(base)) <= 0
                || gas.multiply(worstBase.add(minTip)).compareTo(budget) > 0;
        assertThat(nothingFits).as("skipped a bid that fits: %s", d).isTrue();
      }
    }
    assertThat(bids).isGreaterThan(1_000);
  }

  @Test
  void shouldRejectSettingsOutOfRange() {
    assertThatThrownBy(() -> new BidSettings(10_001, 50, 10, BigDecimal.ONE, 0, 3)).hasMessageContaining("share-bps");
    assertThatThrownBy(() -> new BidSettings(8000, 101, 10, BigDecimal.ONE, 0, 3)).hasMessageContaining("floor-percentile");
    assertThatThrownBy(() -> new BidSettings(8000, 50, 0, BigDecimal.ONE, 0, 3)).hasMessageContaining("floor-blocks");
    assertThatThrownBy(() -> new BidSettings(8000, 50, 10, new BigDecimal("0.0000000001"), 0, 3))
        .hasMessageContaining("cap-gwei");
    assertThatThrownBy(() -> new BidSettings(8000, 50, 10, BigDecimal.ONE, 10_000, 3)).hasMessageContaining("min-margin");
    assertThatThrownBy(() -> new BidSettings(8000, 50, 10, BigDecimal.ONE, 0, 65)).hasMessageContaining("blocks-ahead");
    assertThat(new BidSettings(8000, 50, 10, new BigDecimal("1.5"), 0, 3).capWei()).isEqualTo(BigInteger.valueOf(1_500_000_000L));
  }

  private static BigInteger gwei(long n) {
    return BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(9));
  }

  private static BigInteger eth(String n) {
    return new BigDecimal(n).multiply(BigDecimal.TEN.pow(18)).toBigIntegerExact();
  }
}
