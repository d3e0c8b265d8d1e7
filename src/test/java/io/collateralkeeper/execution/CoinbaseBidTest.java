package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CoinbaseBidTest {
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  static Bid bid(long maxFeeGwei, long tipGwei, long gasLimit) {
    BigInteger gas = BigInteger.valueOf(gasLimit);
    BigInteger maxFee = GWEI.multiply(BigInteger.valueOf(maxFeeGwei));
    BigInteger tip = GWEI.multiply(BigInteger.valueOf(tipGwei));
    return new Bid(maxFee, tip, gas, GWEI.multiply(BigInteger.valueOf(20)), gas.multiply(maxFee),
        gas.multiply(GWEI.multiply(BigInteger.valueOf(20)).add(tip)), gas.multiply(maxFee));
  }

  @Test
  void movesTheTipAboveTheFloorToTheCoinbaseForTheSimulatedGas() {
    // 300k gas limit, 100 gwei tip, floor 1 gwei, 250k simulated: 99 gwei x 250k = 0.02475 ETH to the coinbase
    CoinbaseBid cb = CoinbaseBid.of(bid(130, 100, 300_000), GWEI, BigInteger.valueOf(250_000));
    assertThat(cb.fee().maxPriorityFeePerGas()).isEqualTo(GWEI);
    assertThat(cb.fee().maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.valueOf(31)));
    assertThat(cb.coinbaseWei()).isEqualTo(new BigInteger("24750000000000000"));
  }

  @Test
  void neverCostsMoreInTheWorstCaseThanTheTipBid() {
    Bid b = bid(130, 100, 300_000);
    for (long simulated : new long[] {0, 1, 150_000, 300_000}) {
      CoinbaseBid cb = CoinbaseBid.of(b, GWEI, BigInteger.valueOf(simulated));
      BigInteger worst = b.gas().multiply(cb.fee().maxFeePerGas()).add(cb.coinbaseWei());
      assertThat(worst).isLessThanOrEqualTo(b.worstCaseCost());
    }
  }

  @Test
  void aTipAtOrBelowTheFloorPaysNothingToTheCoinbase() {
    CoinbaseBid cb = CoinbaseBid.of(bid(30, 1, 300_000), GWEI.multiply(BigInteger.TWO), BigInteger.valueOf(200_000));
    assertThat(cb.coinbaseWei()).isZero();
    assertThat(cb.fee().maxPriorityFeePerGas()).isEqualTo(GWEI);
    assertThat(cb.fee().maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.valueOf(30)));
  }

  @Test
  void refusesASimulationAboveTheGasLimit() {
    assertThatThrownBy(() -> CoinbaseBid.of(bid(130, 100, 300_000), GWEI, BigInteger.valueOf(300_001)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
