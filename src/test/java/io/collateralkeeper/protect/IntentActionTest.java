package io.collateralkeeper.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.strategy.protect.ActionKind;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The journal's action text of protect intents: what the day's spending is read back from. */
class IntentActionTest {
  private static final Address USDC = Address.of("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");

  @Test
  void roundTripsATopUp() {
    IntentAction a = new IntentAction(ActionKind.TOP_UP, Optional.of(USDC), BigInteger.valueOf(23_979_592));
    String text = a.text(0);
    assertThat(text).isEqualTo("top-up:0xe7f1725e7734ce288f8367e1bb143e90bb3f0512:23979592");
    assertThat(IntentAction.parse(text)).contains(a);
    assertThat(a.spend()).isEqualTo(BigInteger.valueOf(23_979_592));
  }

  @Test
  void aReductionSpendsNothing() {
    IntentAction a = new IntentAction(ActionKind.REDUCE, Optional.empty(), BigInteger.TEN.pow(17));
    assertThat(a.text(1)).isEqualTo("reduce:market-1:100000000000000000");
    assertThat(IntentAction.parse(a.text(1))).contains(a);
    assertThat(a.spend()).isZero();
  }

  @Test
  void otherIntentsAreNotProtectActions() {
    assertThat(IntentAction.parse("approve")).isEmpty();
    assertThat(IntentAction.parse("liquidate")).isEmpty();
    assertThat(IntentAction.parse("top-up:0xnothex:1")).isEmpty();
    assertThat(IntentAction.parse("sell:0xe7f1725e7734ce288f8367e1bb143e90bb3f0512:1")).isEmpty();
  }
}
