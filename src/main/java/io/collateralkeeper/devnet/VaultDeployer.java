package io.collateralkeeper.devnet;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.contracts.CrossMarginVault;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the reference vault market on a development chain: Multicall3, three test tokens, three settable feeds and
 * the vault with its collaterals and markets. Parameters are realistic perp-exchange values: USDC haircut 2%, WETH and
 * WBTC 10%; ETH-PERP and BTC-PERP initial margin 10%, maintenance 5%, liquidation fee 1%.
 */
public final class VaultDeployer {
  /** Collateral haircuts, bps, by collateral id. */
  public static final int[] HAIRCUT_BPS = {200, 1000, 1000};

  public static final int INITIAL_MARGIN_BPS = 1000;
  public static final int MAINTENANCE_MARGIN_BPS = 500;
  public static final int LIQUIDATION_FEE_BPS = 100;

  private VaultDeployer() {}

  /**
   * Deploys everything from {@code deployer}, which becomes the owner of the feeds and the vault.
   *
   * @param ethPrice initial ETH/USD answer, 8 decimals
   * @param btcPrice initial BTC/USD answer, 8 decimals
   * @param heartbeatSeconds the vault's maximum feed age
   */
  public static VaultDeployment deploy(
      ChainClient chain, Credentials deployer, BigInteger ethPrice, BigInteger btcPrice, long heartbeatSeconds) {
    Web3j web3j = chain.web3j();
    long chainId = chain.chainId();
    TransactionManager tm = transactionManager(web3j, deployer, chainId);
    ContractGasProvider gas = gasProvider(chainId);
    try {
      Multicall3 multicall = Multicall3.deploy(web3j, tm, gas).send();
      TestToken usdc = TestToken.deploy(web3j, tm, gas, "USD Coin (devnet)", "USDC", BigInteger.valueOf(6)).send();
      TestToken weth = TestToken.deploy(web3j, tm, gas, "Wrapped Ether (devnet)", "WETH", BigInteger.valueOf(18)).send();
      TestToken wbtc = TestToken.deploy(web3j, tm, gas, "Wrapped BTC (devnet)", "WBTC", BigInteger.valueOf(8)).send();
      MockAggregator usdcFeed =
          MockAggregator.deploy(web3j, tm, gas, BigInteger.valueOf(8), "USDC / USD", BigInteger.valueOf(100_000_000L))
              .send();
      MockAggregator ethFeed = MockAggregator.deploy(web3j, tm, gas, BigInteger.valueOf(8), "ETH / USD", ethPrice).send();
      MockAggregator btcFeed = MockAggregator.deploy(web3j, tm, gas, BigInteger.valueOf(8), "BTC / USD", btcPrice).send();
      CrossMarginVault vault = CrossMarginVault.deploy(web3j, tm, gas, BigInteger.valueOf(heartbeatSeconds)).send();
      long deployBlock = vault.getTransactionReceipt().orElseThrow().getBlockNumber().longValueExact();
      vault.listCollateral(usdc.getContractAddress(), usdcFeed.getContractAddress(), BigInteger.valueOf(HAIRCUT_BPS[0])).send();
      vault.listCollateral(weth.getContractAddress(), ethFeed.getContractAddress(), BigInteger.valueOf(HAIRCUT_BPS[1])).send();
      vault.listCollateral(wbtc.getContractAddress(), btcFeed.getContractAddress(), BigInteger.valueOf(HAIRCUT_BPS[2])).send();
      for (MockAggregator feed : new MockAggregator[] {ethFeed, btcFeed}) {
        vault
            .listMarket(
                feed.getContractAddress(),
                BigInteger.valueOf(INITIAL_MARGIN_BPS),
                BigInteger.valueOf(MAINTENANCE_MARGIN_BPS),
                BigInteger.valueOf(LIQUIDATION_FEE_BPS))
            .send();
      }
      return new VaultDeployment(
          Address.of(multicall.getContractAddress()),
          Address.of(usdc.getContractAddress()),
          Address.of(weth.getContractAddress()),
          Address.of(wbtc.getContractAddress()),
          Address.of(usdcFeed.getContractAddress()),
          Address.of(ethFeed.getContractAddress()),
          Address.of(btcFeed.getContractAddress()),
          Address.of(vault.getContractAddress()),
          deployBlock);
    } catch (KeeperException e) {
      throw e;
    } catch (Exception e) {
      throw new KeeperException("deploying the reference vault failed: " + e.getMessage(), e);
    }
  }

  /** A signing transaction manager that polls receipts every 20 ms (dev chains mine at once). */
  public static TransactionManager transactionManager(Web3j web3j, Credentials credentials, long chainId) {
    return new RawTransactionManager(
        web3j, credentials, chainId, new PollingTransactionReceiptProcessor(web3j, 20, 1500));
  }

  /** Generous static EIP-1559 fees for dev chains: 100 gwei cap, 1 gwei tip, 8M gas. */
  public static ContractGasProvider gasProvider(long chainId) {
    return new StaticEIP1559GasProvider(
        chainId, BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(8_000_000L));
  }
}
