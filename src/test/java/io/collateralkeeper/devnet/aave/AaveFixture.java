package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilNode;
import io.collateralkeeper.devnet.TestAnvil;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.uniswap.UniswapDeployment;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.WalletLoader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A fresh Anvil chain (1B gas blocks) with the {@link AaveMarketSpec#mainnetLike()} Aave V3 market and a Uniswap V2
 * market for its assets ($10M per pair side) deployed by dev account 0, for integration tests. Close it after the test.
 */
public final class AaveFixture implements AutoCloseable {
  /** The chain: a child process or a container ({@link TestAnvil}). */
  public final AnvilNode anvil;
  public final ChainClient chain;
  public final DevnetControl devnet;
  public final Address admin;
  public final AaveDeployment aave;
  public final UniswapDeployment dex;
  /** Wall-clock time of the two deployments, ms. */
  public final long deployMillis;

  private AaveFixture() {
    anvil = TestAnvil.runtime().start(AnvilOptions.devnet().withGasLimit(1_000_000_000L));
    chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30));
    devnet = new DevnetControl(chain);
    admin = Address.of(WalletLoader.devAccount(0, 31337).address());
    Path nodeModules = DevnetFixture.projectDir().resolve("node_modules");
    long t0 = System.nanoTime();
    aave = AaveDeployer.deploy(chain, nodeModules, admin, AaveMarketSpec.mainnetLike());
    dex = AaveDex.deploy(chain, nodeModules, aave, 10_000_000);
    deployMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  /** Starts Anvil and deploys the markets. */
  public static AaveFixture start() {
    return new AaveFixture();
  }

  @Override
  public void close() {
    chain.close();
    anvil.close();
  }
}
