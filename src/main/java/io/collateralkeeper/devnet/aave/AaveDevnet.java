package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.contracts.FlashLiquidator;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.uniswap.UniswapDeployment;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ready-to-liquidate Aave V3 devnet on a fresh Anvil chain: the {@link AaveMarketSpec#mainnetLike()} market and its
 * Uniswap V2 DEX (deployed by dev account 0), Multicall3 at its canonical address, our {@code FlashLiquidator} owned
 * by the keeper (its first transaction), a liquidity provider and borrowers holding WETH against USDC or DAI debt at
 * 76–79.5% of the collateral value (liquidation threshold 82.5%): a WETH drop of about 5% or more makes them
 * liquidatable. On a fresh chain the addresses are always the same, those of {@code strategies/aave-v3-devnet.yaml}.
 *
 * @param aave the market
 * @param dex the DEX
 * @param multicall Multicall3 (canonical address)
 * @param executor the FlashLiquidator, owned by the keeper
 * @param borrowers the borrowers opened
 */
public record AaveDevnet(
    AaveDeployment aave, UniswapDeployment dex, Address multicall, Address executor, List<Address> borrowers) {
  private static final Address LP = Address.of("0x00000000000000000000000000000000000a11ce");

  /**
   * Deploys everything on a fresh dev chain and opens {@code borrowers} positions.
   *
   * @param chain a fresh Anvil chain (1B gas blocks advised), automine on
   * @param projectDir the project directory (its {@code node_modules} holds the Aave and Uniswap artifacts, its
   *     {@code contracts-abi} the Multicall3 bytecode)
   * @param keeper the keeper's dev account: it deploys and owns the executor
   * @param borrowers how many borrowers to open (0 to 5000)
   * @throws KeeperException when an artifact is missing or a deployment step fails
   */
  public static AaveDevnet deploy(ChainClient chain, Path projectDir, Signer keeper, int borrowers) {
    if (borrowers < 0 || borrowers > 5000) throw new KeeperException("borrowers must be between 0 and 5000");
    DevnetControl devnet = new DevnetControl(chain);
    Address admin = Address.of(io.collateralkeeper.wallet.WalletLoader.devAccount(0, 31337).address());
    Path nodeModules = projectDir.resolve("node_modules");
    AaveDeployment aave = AaveDeployer.deploy(chain, nodeModules, admin, AaveMarketSpec.mainnetLike());
    UniswapDeployment dex = AaveDex.deploy(chain, nodeModules, aave, 10_000_000);
    installMulticall(chain, projectDir);
    Address executor = deployExecutor(chain, keeper, aave, dex);

    AaveActions actions = new AaveActions(devnet, aave);
    List<AaveBorrower> accounts = new ArrayList<>();
    accounts.add(
        AaveBorrower.supplier(
            LP, Map.of("USDC", units(50_000_000, 6), "DAI", units(50_000_000, 18), "WETH", units(10_000, 18))));
    List<Address> opened = new ArrayList<>();
    for (int i = 0; i < borrowers; i++) {
      Address a = Address.of(String.format("0x00000000000000000000000000000000b0%06x", i));
      BigInteger weth = units(5 + i % 12, 18);
      long debtUsd = (5 + i % 12) * 3_000L * (760 + (i * 7) % 36) / 1000;
      String debt = i % 3 == 0 ? "DAI" : "USDC";
      Map<String, BigInteger> borrow = new LinkedHashMap<>();
      borrow.put(debt, units(debtUsd, debt.equals("DAI") ? 18 : 6));
      accounts.add(AaveBorrower.variable(a, Map.of("WETH", weth), borrow));
      opened.add(a);
    }
    actions.open(accounts);
    return new AaveDevnet(aave, dex, Multicall.CANONICAL, executor, List.copyOf(opened));
  }

  /** Puts Multicall3's runtime code (what its creation code returns) at the canonical address. */
  private static void installMulticall(ChainClient chain, Path projectDir) {
    Path bin = projectDir.resolve("contracts-abi/Multicall3.bin");
    String creation;
    try {
      creation = Files.readString(bin).trim();
    } catch (java.io.IOException e) {
      throw new KeeperException("cannot read " + bin + ": " + e.getMessage());
    }
    if (!creation.startsWith("0x")) creation = "0x" + creation;
    Object runtime = chain.rpc("eth_call", Map.of("data", creation), "latest");
    chain.rpc("anvil_setCode", Multicall.CANONICAL.hex(), runtime);
  }

  private static Address deployExecutor(ChainClient chain, Signer keeper, AaveDeployment aave, UniswapDeployment dex) {
    try {
      var tm = VaultDeployer.transactionManager(chain.web3j(), keeper.credentials(), 31337);
      FlashLiquidator executor =
          FlashLiquidator.deploy(chain.web3j(), tm, VaultDeployer.gasProvider(31337), aave.provider().hex(), dex.router().hex())
              .send();
      return Address.of(executor.getContractAddress());
    } catch (Exception e) {
      throw new KeeperException("cannot deploy the FlashLiquidator: " + e.getMessage());
    }
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }
}
