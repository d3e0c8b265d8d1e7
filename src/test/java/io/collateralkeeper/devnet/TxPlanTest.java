package io.collateralkeeper.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TxPlanTest {
  private static final Address DEV0 = Address.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  @Test
  void predictsCreateAddressesFromTheSendersNonces() {
    TxPlan plan = new TxPlan(DEV0, BigInteger.ZERO);
    // the well-known first contracts of Anvil's dev account 0 (nonces 0, 1, then 3 after a call)
    assertThat(plan.create("0x00")).isEqualTo(Address.of("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
    assertThat(plan.create("0x00")).isEqualTo(Address.of("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"));
    plan.call(DEV0, "0x", 21_000);
    assertThat(plan.create("0x00")).isEqualTo(Address.of("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"));
    assertThat(plan.txs()).hasSize(4);
    assertThat(plan.txs().get(0).to()).isNull();
    assertThat(plan.txs().get(2).to()).isEqualTo(DEV0);
  }

  @Test
  void creationGasGrowsWithTheInitCode() {
    TxPlan plan = new TxPlan(DEV0, BigInteger.ZERO);
    plan.create("0x" + "00".repeat(20_000));
    assertThat(plan.txs().get(0).gas()).isEqualTo(1_000_000L + 250L * 20_000);
  }
}
