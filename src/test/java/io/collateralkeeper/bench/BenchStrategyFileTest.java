package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.config.StrategyLoader;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.domain.Address;
import org.junit.jupiter.api.Test;

class BenchStrategyFileTest {
  @Test
  void shouldBeAValidStrategyForTheBenchVault() {
    VaultDeployment d =
        new VaultDeployment(
            Address.of("0x5fbdb2315678afecb367f032d93f642f64180aa3"), a(1), a(2), a(3), a(4),
            Address.of("0x5fc8d32690cc91d4c39d9d3abcbd16989f875707"), a(6),
            Address.of("0xa513e6e4b8f2a923d98304ec87f64353c4d5c853"), 7);
    String yaml = BenchStrategyFile.yaml("http://127.0.0.1:9545", d, 600_000);

    StrategyConfig c = new StrategyLoader().parse(yaml, "bench-vault.yaml");

    assertThat(c.chain().rpcUrls()).containsExactly("http://127.0.0.1:9545");
    assertThat(c.chain().rpcTimeoutMs()).isEqualTo(600_000L);
    assertThat(c.protocol()).isInstanceOfSatisfying(StrategyConfig.ReferenceVault.class, v -> {
      assertThat(Address.of(v.vault())).isEqualTo(d.vault());
      assertThat(Address.of(v.multicall())).isEqualTo(d.multicall());
      assertThat(v.startBlock()).isEqualTo(7L);
    });
    assertThat(Address.of(c.gas().nativeUsdFeed())).isEqualTo(d.ethFeed());
  }

  private static Address a(int n) {
    return Address.of(String.format("0x%040x", n));
  }
}
