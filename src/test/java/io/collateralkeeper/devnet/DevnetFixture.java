package io.collateralkeeper.devnet;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.DefaultGasProvider;

/** A fresh Anvil chain with the reference vault deployed, for integration tests. Close it after the test. */
public final class DevnetFixture implements AutoCloseable {
  public static final BigInteger ETH_START = BigInteger.valueOf(3_000_00000000L);
  public static final BigInteger BTC_START = BigInteger.valueOf(60_000_00000000L);

  /** The chain: a child process or a container ({@link TestAnvil}). */
  public final AnvilNode anvil;
  public final ChainClient chain;
  public final DevnetControl devnet;
  public final Credentials deployer;
  public final VaultDeployment deployment;

  private DevnetFixture(AnvilOptions options, long heartbeat) {
    anvil = TestAnvil.runtime().start(options);
    chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30));
    devnet = new DevnetControl(chain);
    deployer = WalletLoader.devAccount(0, 31337).credentials();
    deployment = VaultDeployer.deploy(chain, deployer, ETH_START, BTC_START, heartbeat);
  }

  /** Starts Anvil with a 1B gas block limit and deploys the vault (heartbeat one day). */
  public static DevnetFixture start() {
    return new DevnetFixture(AnvilOptions.devnet().withGasLimit(1_000_000_000L), 86_400);
  }

  /** The project's root directory (Maven passes it; else the working directory). */
  public static Path projectDir() {
    return Path.of(System.getProperty("keeper.projectDir", "."));
  }

  /** Sets the ETH and BTC feeds (8 decimals) in one block. */
  public void setPrices(BigInteger eth, BigInteger btc) {
    try {
      feed(deployment.ethFeed()).setAnswer(eth).send();
      feed(deployment.btcFeed()).setAnswer(btc).send();
    } catch (Exception e) {
      throw new IllegalStateException("setting prices failed", e);
    }
  }

  /** The feed's wrapper, signing as the deployer (its owner). */
  public MockAggregator feed(Address feed) {
    return MockAggregator.load(
        feed.hex(),
        chain.web3j(),
        VaultDeployer.transactionManager(chain.web3j(), deployer, 31337),
        VaultDeployer.gasProvider(31337));
  }

  @Override
  public void close() {
    chain.close();
    anvil.close();
  }
}
