package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** EIP-1559 fees: maxFee = 2 x base + tip, capped; no quote when base + tip is already above the cap. */
class FeePolicyTest {

  private final FeePolicy policy = new FeePolicy(gwei(200), gwei(2));

  @Test
  void shouldOfferTwiceTheBaseFeePlusTheTip() {
    FeeQuote q = policy.quote(gwei(30)).orElseThrow();

    // 2 x 30 + 2 = 62 gwei
    assertThat(q.maxFeePerGas()).isEqualTo(gwei(62));
    assertThat(q.maxPriorityFeePerGas()).isEqualTo(gwei(2));
    assertThat(q.baseFee()).isEqualTo(gwei(30));
    // expected price min(62, 30 + 2) = 32 gwei
    assertThat(q.expectedPricePerGas()).isEqualTo(gwei(32));
  }

  @Test
  void shouldCapTheMaxFeeAtTheConfiguredMaximum() {
    // 2 x 150 + 2 = 302 gwei > 200 -> 200; base + tip = 152 still fits
    FeeQuote q = policy.quote(gwei(150)).orElseThrow();

    assertThat(q.maxFeePerGas()).isEqualTo(gwei(200));
    assertThat(q.expectedPricePerGas()).isEqualTo(gwei(152));
  }

  @Test
  void shouldQuoteWhenBasePlusTipEqualsTheCapExactly() {
    // 198 + 2 = 200 = cap
    FeeQuote q = policy.quote(gwei(198)).orElseThrow();

    assertThat(q.maxFeePerGas()).isEqualTo(gwei(200));
    assertThat(q.expectedPricePerGas()).isEqualTo(gwei(200));
  }

  @Test
  void shouldDeclineWhenBasePlusTipExceedsTheCap() {
    // 199 + 2 = 201 > 200; and one wei over
    assertThat(policy.quote(gwei(199))).isEmpty();
    assertThat(policy.quote(gwei(198).add(BigInteger.ONE))).isEmpty();
  }

  @Test
  void shouldWorkWithAZeroTip() {
    FeeQuote q = new FeePolicy(gwei(200), BigInteger.ZERO).quote(gwei(30)).orElseThrow();

    assertThat(q.maxFeePerGas()).isEqualTo(gwei(60));
    assertThat(q.maxPriorityFeePerGas()).isZero();
    assertThat(q.expectedPricePerGas()).isEqualTo(gwei(30));
  }

  @Test
  void shouldFollowABaseFeeSpikeUpToTheCapThenStop() {
    // quiet block: base 10 -> 2 x 10 + 2 = 22 gwei
    assertThat(policy.quote(gwei(10)).orElseThrow().maxFeePerGas()).isEqualTo(gwei(22));
    // spike to 120: 242 -> capped at 200, still includable at 122
    FeeQuote spike = policy.quote(gwei(120)).orElseThrow();
    assertThat(spike.maxFeePerGas()).isEqualTo(gwei(200));
    assertThat(spike.expectedPricePerGas()).isEqualTo(gwei(122));
    // spike to 250: above the cap on its own -> no transaction
    assertThat(policy.quote(gwei(250))).isEmpty();
  }

  @Test
  void shouldOfferJustTheTipOnAZeroBaseFee() {
    assertThat(policy.quote(BigInteger.ZERO).orElseThrow().maxFeePerGas()).isEqualTo(gwei(2));
  }

  @Test
  void shouldRejectATipAboveTheCap() {
    assertThatThrownBy(() -> new FeePolicy(gwei(1), gwei(2))).isInstanceOf(IllegalArgumentException.class);
  }

  private static BigInteger gwei(long n) {
    return BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(9));
  }
}
