package io.collateralkeeper.devnet.aave;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.WalletLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AaveDevnetIT {
  @Test
  void deploys() {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilBinary.locate(DevnetFixture.projectDir()),
            AnvilOptions.devnet().withGasLimit(1_000_000_000L));
        ChainClient chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30))) {
      long t0 = System.nanoTime();
      AaveDeployment d = AaveDeployer.deploy(chain, DevnetFixture.projectDir().resolve("node_modules"),
          Address.of(WalletLoader.devAccount(0, 31337).address()), AaveMarketSpec.mainnetLike());
      System.out.println("deployed in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + d);
      assertThat(d.reserves()).hasSize(6);
    }
  }
}
