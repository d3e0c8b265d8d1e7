package io.collateralkeeper.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Gas priced in USD (wad) from gas units, wei per gas and an 8-decimal native-coin price. Hand-computed. */
class ProfitModelTest {

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger WAD = BigInteger.TEN.pow(18);

  @Test
  void shouldPriceTwoHundredThousandGasAtTenGweiAndThreeThousandDollarsAtExactlySixDollars() {
    // 200,000 x 10 gwei = 2e15 wei = 0.002 ETH; x $3,000.00 = $6.00
    BigInteger cost =
        ProfitModel.gasCostUsdWad(
            BigInteger.valueOf(200_000), GWEI.multiply(BigInteger.TEN), BigInteger.valueOf(3_000_00000000L));

    assertThat(cost).isEqualTo(BigInteger.valueOf(6).multiply(WAD));
  }

  @Test
  void shouldKeepTheCentsOfAnUnevenNativePrice() {
    // 21,000 gas x 1.5 gwei = 3.15e13 wei = 0.0000315 ETH; x $2,345.67890123
    // = 0.0000315 x 2,345.67890123 = $0.073888885388745 -> 73,888,885,388,745,000 wei of USD
    BigInteger cost =
        ProfitModel.gasCostUsdWad(
            BigInteger.valueOf(21_000), BigInteger.valueOf(1_500_000_000L), BigInteger.valueOf(234_567_890_123L));

    assertThat(cost).isEqualTo(new BigInteger("73888885388745000"));
  }

  @Test
  void shouldTruncateASubWeiDollarCost() {
    // 1 gas x 1 wei x $0.00000099 = 99 / 1e8 wei of USD -> 0
    assertThat(ProfitModel.gasCostUsdWad(BigInteger.ONE, BigInteger.ONE, BigInteger.valueOf(99))).isZero();
    // 3 gas x 1 wei x $0.5 = 1.5 wei of USD -> 1
    assertThat(ProfitModel.gasCostUsdWad(BigInteger.valueOf(3), BigInteger.ONE, BigInteger.valueOf(50_000_000)))
        .isEqualTo(BigInteger.ONE);
  }

  @Test
  void shouldNetGasAgainstRevenue() {
    // revenue $10 - gas $6 = $4
    BigInteger net =
        ProfitModel.netProfitUsdWad(
            BigInteger.TEN.multiply(WAD),
            BigInteger.valueOf(200_000),
            GWEI.multiply(BigInteger.TEN),
            BigInteger.valueOf(3_000_00000000L));

    assertThat(net).isEqualTo(BigInteger.valueOf(4).multiply(WAD));
  }

  @Test
  void shouldGoNegativeWhenGasCostsMoreThanTheLiquidationEarns() {
    // revenue $5 - gas $6 = -$1
    BigInteger net =
        ProfitModel.netProfitUsdWad(
            BigInteger.valueOf(5).multiply(WAD),
            BigInteger.valueOf(200_000),
            GWEI.multiply(BigInteger.TEN),
            BigInteger.valueOf(3_000_00000000L));

    assertThat(net).isEqualTo(WAD.negate());
  }
}
