package io.collateralkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceCheckTest {
  private static final PricedToken WETH =
      new PricedToken(Address.of("0x" + "1".repeat(40)), "WETH", 18, BigInteger.valueOf(2_700_00000000L));
  private static final PricedToken USDC =
      new PricedToken(Address.of("0x" + "2".repeat(40)), "USDC", 6, BigInteger.valueOf(1_00000000L));

  @Test
  void shouldValueTokenChangesAtTheProtocolPriceBothWays() {
    TokenChange in = new TokenChange(WETH, BigInteger.ZERO, new BigInteger("500000000000000000")); // +0.5 WETH
    TokenChange out = new TokenChange(USDC, BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(800_000_000L)); // -1200
    assertThat(in.deltaUsdWad()).isEqualTo(new BigInteger("1350000000000000000000"));
    assertThat(out.deltaUsdWad()).isEqualTo(new BigInteger("-1200000000000000000000"));
    BalanceCheck ok = new BalanceCheck(BigInteger.valueOf(42), BigInteger.valueOf(42), List.of(in, out),
        new BigInteger("150000000000000000000"));
    assertThat(ok.tokenValueChangeUsdWad()).isEqualTo(new BigInteger("150000000000000000000"));
    assertThat(ok.consistent()).isTrue();
  }

  @Test
  void shouldBeInconsistentWhenEtherOrTokensDoNotMatchTheReceipts() {
    TokenChange in = new TokenChange(USDC, BigInteger.ZERO, BigInteger.valueOf(1_000_000));
    assertThat(new BalanceCheck(BigInteger.valueOf(43), BigInteger.valueOf(42), List.of(in), BigInteger.TEN.pow(18)).consistent()).isFalse();
    assertThat(new BalanceCheck(BigInteger.ONE, BigInteger.ONE, List.of(in), new BigInteger("1020000000000000000")).consistent()).isFalse();
    assertThat(new BalanceCheck(BigInteger.ONE, BigInteger.ONE, List.of(in), new BigInteger("1010000000000000000")).consistent()).isTrue();
  }
}
