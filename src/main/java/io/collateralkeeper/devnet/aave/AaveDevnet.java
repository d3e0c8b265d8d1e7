package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.contracts.FlashLiquidator;
import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.uniswap.UniswapDeployment;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * @param projectDir the project directory (its {@code node_modules} holds the Aave and Uniswap artifacts)
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
    installMulticall(devnet);
    Address executor = deployExecutor(chain, keeper, aave, dex);

    new AaveActions(devnet, aave).open(book(borrowers));
    List<Address> opened = new ArrayList<>();
    for (int i = 0; i < borrowers; i++) opened.add(borrower(i));
    return new AaveDevnet(aave, dex, Multicall.CANONICAL, executor, List.copyOf(opened));
  }

  /**
   * The devnet's book: a liquidity provider (50M USDC, 50M DAI, 10k WETH supplied) and {@code borrowers} borrowers,
   * borrower {@code i} at {@link #borrower(int)} with 5 + i mod 12 WETH at $3,000 against DAI (every third) or USDC
   * debt at 76–79.5% of the collateral value (liquidation threshold 82.5%).
   */
  public static List<AaveBorrower> book(int borrowers) {
    List<AaveBorrower> accounts = new ArrayList<>();
    accounts.add(
        AaveBorrower.supplier(
            LP, Map.of("USDC", units(50_000_000, 6), "DAI", units(50_000_000, 18), "WETH", units(10_000, 18))));
    for (int i = 0; i < borrowers; i++) {
      long debtUsd = (5 + i % 12) * 3_000L * (760 + (i * 7) % 36) / 1000;
      String debt = i % 3 == 0 ? "DAI" : "USDC";
      accounts.add(AaveBorrower.variable(
          borrower(i), Map.of("WETH", units(5 + i % 12, 18)), Map.of(debt, units(debtUsd, debt.equals("DAI") ? 18 : 6))));
    }
    return accounts;
  }

  /** The address of borrower {@code i} of the {@link #book}. */
  public static Address borrower(int i) {
    return Address.of(String.format("0x00000000000000000000000000000000b0%06x", i));
  }

  /** Puts Multicall3's runtime code (what its creation code returns) at the canonical address. */
  private static void installMulticall(DevnetControl devnet) {
    devnet.setCode(Multicall.CANONICAL, devnet.runtimeCode(Multicall3.BINARY));
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
