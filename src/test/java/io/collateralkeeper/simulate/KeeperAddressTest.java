package io.collateralkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeeperAddressTest {
  @TempDir Path dir;

  private static StrategyConfig withKeystore(String keystore) {
    return new StrategyConfig(null, null, keystore == null ? null : new StrategyConfig.Wallet(keystore, "pw"), null, null, null, null);
  }

  @Test
  void shouldPreferTheFlagThenTheKeystoreAddressThenTheDefault() throws Exception {
    Path ks = dir.resolve("k.json");
    Files.writeString(ks, "{\"address\":\"3c44cdddb6a900fa2b585dd299e03d12fa4293bc\",\"crypto\":{}}");
    Address flag = Address.of("0x" + "f".repeat(40));
    assertThat(KeeperAddress.resolve(flag, withKeystore("k.json"), dir)).isEqualTo(flag);
    assertThat(KeeperAddress.resolve(null, withKeystore("k.json"), dir))
        .isEqualTo(Address.of("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"));
    assertThat(KeeperAddress.resolve(null, withKeystore(null), dir)).isEqualTo(KeeperAddress.DEFAULT);
  }

  @Test
  void shouldReadTheExampleKeystoreWithoutItsPassword() {
    Path home = Path.of(System.getProperty("keeper.projectDir", "."));
    assertThat(KeeperAddress.resolve(null, withKeystore("wallets.example/devnet-keeper.json"), home))
        .isEqualTo(KeeperAddress.DEFAULT);
  }

  @Test
  void shouldAskForTheFlagWhenTheKeystoreHasNoAddress() throws Exception {
    Files.writeString(dir.resolve("k.json"), "{\"crypto\":{}}");
    assertThatThrownBy(() -> KeeperAddress.resolve(null, withKeystore("k.json"), dir))
        .isInstanceOf(KeeperException.class).hasMessageEndingWith("has no address field: pass --keeper ADDRESS");
    assertThatThrownBy(() -> KeeperAddress.resolve(null, withKeystore("missing.json"), dir))
        .isInstanceOf(KeeperException.class).hasMessageContaining("cannot read keystore");
  }
}
