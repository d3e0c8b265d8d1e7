package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.WalletLoader;
import java.time.Duration;

/**
 * A fresh Anvil chain (1B gas blocks) with the {@link AaveMarketSpec#mainnetLike()} Aave V3 market deployed by dev
 * account 0, for integration tests. Close it after the test.
 */
public final class AaveFixture implements AutoCloseable {
  public final AnvilProcess anvil;
  public final ChainClient chain;
  public final DevnetControl devnet;
  public final Address admin;
  public final AaveDeployment aave;

  private AaveFixture() {
    anvil = AnvilProcess.start(AnvilBinary.locate(DevnetFixture.projectDir()),
        AnvilOptions.devnet().withGasLimit(1_000_000_000L));
    chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30));
    devnet = new DevnetControl(chain);
    admin = Address.of(WalletLoader.devAccount(0, 31337).address());
    aave = AaveDeployer.deploy(chain, DevnetFixture.projectDir().resolve("node_modules"), admin,
        AaveMarketSpec.mainnetLike());
  }

  /** Starts Anvil and deploys the market. */
  public static AaveFixture start() {
    return new AaveFixture();
  }

  @Override
  public void close() {
    chain.close();
    anvil.close();
  }
}
