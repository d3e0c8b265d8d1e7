package io.collateralkeeper.devnet;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** Sets ETH and BTC to {@code pct} percent of their start prices (e.g. 85 for a 15% crash). */
  public void setPricesPct(int pct) {
    setPrices(pct(ETH_START, pct), pct(BTC_START, pct));
  }

  /** The feed's wrapper, signing as the deployer (its owner). */
  public MockAggregator feed(Address feed) {
    return MockAggregator.load(
        feed.hex(),
        chain.web3j(),
        VaultDeployer.transactionManager(chain.web3j(), deployer, 31337),
        VaultDeployer.gasProvider(31337));
  }

  /**
   * The strategy the integration tests run the keeper with on this vault: minimum profit $0.01, target health 1.02,
   * max fee 200 gwei, a static 1 gwei tip floor, indexing from the deployment block.
   *
   * @param rpcUrls the endpoints (the chain itself, or proxies in front of it)
   * @param rpcTimeoutMs one call's timeout, ms
   * @param maxLogRange largest eth_getLogs window, blocks
   */
  public StrategyConfig vaultStrategy(List<String> rpcUrls, long rpcTimeoutMs, long maxLogRange) {
    return new StrategyConfig(
        new StrategyConfig.Chain(rpcUrls, 31337L, 20L, rpcTimeoutMs),
        new StrategyConfig.ReferenceVault(
            deployment.vault().hex(), deployment.multicall().hex(), deployment.deployBlock(), maxLogRange),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), deployment.ethFeed().hex()),
        null,
        null);
  }

  /**
   * A strategy file's text for the vault on this chain, as a keeper process reads it ({@code keeper run --strategy}):
   * 50 ms polls, no fee-history floor; append sections (e.g. {@code ops:}) to it.
   *
   * @param rpcUrl the endpoint the keeper uses (the chain itself, or a proxy in front of it)
   */
  public String vaultStrategyYaml(String rpcUrl) {
    return """
        chain:
          rpc-urls: ["%s"]
          chain-id: 31337
          poll-interval-ms: 50
        protocol:
          type: reference-vault
          vault: "%s"
          multicall: "%s"
          start-block: 0
        liquidation:
          min-profit-usd: 0.01
          target-health: 1.02
        gas:
          max-fee-gwei: 200
          min-priority-fee-gwei: 1
          fee-history-blocks: 0
          native-usd-feed: "%s"
        """
        .formatted(rpcUrl, deployment.vault().hex(), deployment.multicall().hex(), deployment.ethFeed().hex());
  }

  /** {@link #vaultStrategy(List, long, long)} on this chain's own endpoint, 30 s timeout. */
  public StrategyConfig vaultStrategy(long maxLogRange) {
    return vaultStrategy(List.of(anvil.rpcUrl()), 30_000L, maxLogRange);
  }

  /** The accounts the vault itself ({@code healthFactor}, one Multicall) reports below health 1 at the head, in order. */
  public List<Address> liquidatableOnChain(List<Address> accounts) {
    VaultAbi abi = new VaultAbi(deployment.vault());
    List<CallRequest> calls = accounts.stream().map(a -> new CallRequest(deployment.vault(), abi.healthFactor(a))).toList();
    List<CallResult> results = new Multicall(chain, deployment.multicall(), 250).aggregate(calls, chain.blockNumber());
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      if (abi.decodeUint(results.get(i).returnData()).compareTo(Units.WAD) < 0) out.add(accounts.get(i));
    }
    return out;
  }

  /** {@code pct} percent of {@code v}, rounded down (e.g. a price after a fall to 85%). */
  public static BigInteger pct(BigInteger v, int pct) {
    return v.multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100));
  }

  @Override
  public void close() {
    chain.close();
    anvil.close();
  }
}
