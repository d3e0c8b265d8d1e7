package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BidderTest {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger ETH = BigInteger.TEN.pow(18);
  private static final BigInteger GAS = BigInteger.valueOf(300_000);

  private static Bidder bidder(long maxFeeGwei, long minTipGwei) {
    BidSettings s = new BidSettings(8000, 50, 10, BigDecimal.valueOf(1000), 1000, 3);
    return new Bidder(new BidPolicy(s), Optional.empty(), GWEI.multiply(BigInteger.valueOf(minTipGwei)),
        GWEI.multiply(BigInteger.valueOf(maxFeeGwei)));
  }

  @Test
  void keepsTheTipUnderTheMaxFeeCapWhenTheCapBinds() {
    // 1 ETH of profit would buy a ~2,600 gwei tip; the 50 gwei max fee leaves 40 gwei above a 10 gwei base fee.
    Bid b = (Bid) bidder(50, 1).bid(ETH, GAS, GWEI.multiply(BigInteger.TEN), 1);
    assertThat(b.maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.valueOf(50)));
    assertThat(b.maxPriorityFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.valueOf(40)));
    assertThat(b.worstCaseCost()).isEqualTo(GAS.multiply(b.maxFeePerGas())).isLessThanOrEqualTo(b.budget());
  }

  @Test
  void leavesAnUncappedBidAlone() {
    BidDecision d = bidder(10_000, 0).bid(ETH.divide(BigInteger.valueOf(100)), GAS, GWEI, 1);
    assertThat(d).isInstanceOf(Bid.class);
    Bid b = (Bid) d;
    assertThat(b.maxFeePerGas()).isLessThan(GWEI.multiply(BigInteger.valueOf(10_000)));
    assertThat(b.worstCaseCost()).isLessThanOrEqualTo(b.budget());
  }

  @Test
  void refusesWhenTheBaseFeeLeavesNoRoomForTheFloor() {
    BidDecision d = bidder(50, 2).bid(ETH, GAS, GWEI.multiply(BigInteger.valueOf(49)), 1);
    assertThat(d).isInstanceOf(NoBid.class);
    assertThat(((NoBid) d).reason()).contains("max fee cap");
  }
}
