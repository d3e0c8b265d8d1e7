package io.collateralkeeper.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class UniswapV2MathTest {
  private static BigInteger b(String s) {
    return new BigInteger(s);
  }

  @Test
  void matchesAHandWorkedSale() {
    // 1 WETH into 100 WETH / 300,000 USDC: 997e18 * 300000e6 / (100e18 * 1000 + 997e18)
    //   = 2.991e32 / 1.00997e23 = 2,961,474,103.19 -> 2,961.474103 USDC, rounded down
    BigInteger in = b("1000000000000000000");
    BigInteger out = UniswapV2Math.amountOut(in, b("100000000000000000000"), b("300000000000"));
    assertThat(out).isEqualTo(b("2961474103"));
  }

  @Test
  void neverReturnsTheWholeReserve() {
    assertThat(UniswapV2Math.amountOut(b("1000000000000000000000000000"), BigInteger.TEN, BigInteger.TEN))
        .isEqualTo(BigInteger.valueOf(9));
  }

  @Test
  void rejectsEmptyInputs() {
    assertThatThrownBy(() -> UniswapV2Math.amountOut(BigInteger.ZERO, BigInteger.TEN, BigInteger.TEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UniswapV2Math.amountOut(BigInteger.ONE, BigInteger.ZERO, BigInteger.TEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
