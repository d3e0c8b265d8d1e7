package io.collateralkeeper.devnet.uniswap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PairSeedTest {
  private static final Address WBTC = Address.of("0x00000000000000000000000000000000000000b1");
  private static final Address USDC = Address.of("0x00000000000000000000000000000000000000c1");

  @Test
  void seedsEqualDollarValuesSoTheSpotPriceIsTheOraclesRatio() {
    PairSeed s =
        PairSeed.atPrices(
            new PairSeed.Side(WBTC, 8, new BigInteger("6000000000000")), // $60,000.00000000
            new PairSeed.Side(USDC, 6, new BigInteger("99990000")), // $0.9999
            10_000_000);
    assertThat(s.amountA()).isEqualTo(new BigInteger("16666666666")); // 166.66666666 WBTC, rounded down
    assertThat(s.amountB()).isEqualTo(new BigInteger("10001000100010")); // 10,001,000.100010 USDC
  }

  @Test
  void refusesANonPositivePrice() {
    assertThatThrownBy(() -> PairSeed.atPrices(new PairSeed.Side(WBTC, 8, BigInteger.ZERO),
            new PairSeed.Side(USDC, 6, BigInteger.ONE), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
