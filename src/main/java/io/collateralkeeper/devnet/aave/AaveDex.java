package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.AaveOracle;
import io.collateralkeeper.devnet.uniswap.PairSeed;
import io.collateralkeeper.devnet.uniswap.UniswapDeployer;
import io.collateralkeeper.devnet.uniswap.UniswapDeployment;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Uniswap V2 market for the devnet Aave reserves, so that seized collateral can be sold: every reserve against USDC,
 * and every other non-USDC reserve against WETH, each pair seeded at the AaveOracle's current prices.
 */
public final class AaveDex {
  private AaveDex() {}

  /**
   * Deploys Uniswap V2 (router WETH = the market's WETH token) and the pairs.
   *
   * @param usdPerSide liquidity of each side of each pair, whole US dollars
   */
  public static UniswapDeployment deploy(ChainClient chain, Path nodeModules, AaveDeployment aave, long usdPerSide) {
    List<AaveReserve> reserves = aave.reserves();
    List<String> assets = reserves.stream().map(r -> r.asset().hex()).toList();
    AaveOracle oracle = Wrappers.at(aave.oracle(), AaveOracle::load);
    List<?> prices = (List<?>) Wrappers.read(chain, aave.oracle(), oracle.getAssetsPrices(assets), chain.blockNumber())
        .get(0).getValue();
    List<PairSeed.Side> sides = new ArrayList<>();
    for (int i = 0; i < reserves.size(); i++) {
      BigInteger price = (BigInteger) ((org.web3j.abi.datatypes.Type<?>) prices.get(i)).getValue();
      sides.add(new PairSeed.Side(reserves.get(i).asset(), reserves.get(i).decimals(), price));
    }
    PairSeed.Side usdc = side(sides, aave.asset("USDC"));
    PairSeed.Side weth = side(sides, aave.asset("WETH"));
    List<PairSeed> seeds = new ArrayList<>();
    for (PairSeed.Side s : sides) if (s != usdc) seeds.add(PairSeed.atPrices(s, usdc, usdPerSide));
    for (PairSeed.Side s : sides) if (s != usdc && s != weth) seeds.add(PairSeed.atPrices(s, weth, usdPerSide));
    return UniswapDeployer.deploy(chain, nodeModules, aave.admin(), weth.token(), seeds);
  }

  private static PairSeed.Side side(List<PairSeed.Side> sides, Address token) {
    return sides.stream().filter(s -> s.token().equals(token)).findFirst().orElseThrow();
  }
}
