package io.collateralkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ShockTest {
  @Test
  void shouldParseSignedAndFractionalChanges() {
    assertThat(Shock.parse("ETH=-30%")).isEqualTo(new Shock("ETH", new BigDecimal("-30")));
    assertThat(Shock.parse("wbtc=+5%")).isEqualTo(new Shock("WBTC", new BigDecimal("5")));
    assertThat(Shock.parse("ETH-PERP=-12.5%").percent()).isEqualByComparingTo("-12.5");
    assertThat(Shock.parse("ETH=-30%")).hasToString("ETH=-30%");
    assertThat(Shock.parse("ETH=5%")).hasToString("ETH=+5%");
  }

  @Test
  void shouldApplyTheChangeExactlyRoundingTowardZero() {
    assertThat(Shock.parse("ETH=-30%").apply(BigInteger.valueOf(3_000_00000000L))).isEqualTo(BigInteger.valueOf(2_100_00000000L));
    assertThat(Shock.parse("X=-12.5%").apply(BigInteger.valueOf(7))).isEqualTo(BigInteger.valueOf(6)); // 6.125
    assertThat(Shock.parse("X=+0.1%").apply(new BigInteger("123456789012345678901234567890")))
        .isEqualTo(new BigInteger("123580245801358024580135802457")); // x + x/1000 = ...457.89
  }

  @Test
  void shouldRefuseMalformedOrImpossibleShocks() {
    assertThatThrownBy(() -> Shock.parse("ETH-30%")).isInstanceOf(KeeperException.class).hasMessageContaining("expected ASSET=CHANGE%");
    assertThatThrownBy(() -> Shock.parse("ETH=-30")).isInstanceOf(KeeperException.class);
    assertThatThrownBy(() -> Shock.parse("ETH=-100%")).isInstanceOf(KeeperException.class).hasMessageContaining("above -100%");
    assertThatThrownBy(() -> Shock.parse("ETH=+1001%")).isInstanceOf(KeeperException.class);
    assertThatThrownBy(() -> Shock.parse("X=-99.99%").apply(BigInteger.valueOf(5)))
        .isInstanceOf(KeeperException.class).hasMessageContaining("not a valid price");
  }
}
