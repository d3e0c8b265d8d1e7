package io.collateralkeeper.devnet.uniswap;

import static io.collateralkeeper.devnet.AbiValues.address;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.contracts.uniswap.UniswapV2Factory;
import io.collateralkeeper.contracts.uniswap.UniswapV2Router02;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.TxPlan;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.RemoteFunctionCall;

/**
 * Deploys Uniswap V2 on a development chain from the npm build artifacts (unmodified bytecode; see {@link
 * UniswapArtifacts} for the init code hash check): UniswapV2Factory, UniswapV2Router02, and pairs seeded with
 * liquidity. One batch of transactions with precomputed CREATE addresses.
 *
 * <p>The router's WETH is whatever token is given. On the devnet it is the Aave market's mintable WETH test token,
 * which has no {@code deposit}/{@code withdraw}: the router's token-to-token functions work, its ether-in and
 * ether-out functions ({@code swapExactETHForTokens}, {@code addLiquidityETH}, ...) do not.
 */
public final class UniswapDeployer {
  private static final long CALL_GAS = 500_000;
  private static final long CREATE_PAIR_GAS = 3_000_000;

  private UniswapDeployer() {}

  /**
   * Deploys the factory and router, creates the pairs and adds their liquidity through the router (the tokens are
   * minted to the admin first, so they must be mintable {@code TestToken}s); the admin keeps the LP tokens.
   *
   * @param admin the deployer (impersonated), also the factory's feeToSetter
   * @param weth the token the router uses as WETH
   * @throws KeeperException when an artifact is missing, the init code hash does not match, or a transaction reverts
   */
  public static UniswapDeployment deploy(
      ChainClient chain, Path nodeModules, Address admin, Address weth, List<PairSeed> seeds) {
    UniswapArtifacts artifacts = UniswapArtifacts.read(nodeModules);
    DevnetControl devnet = new DevnetControl(chain);
    devnet.impersonate(admin);
    TxPlan plan = new TxPlan(admin, chain.pendingNonce(admin));
    Address factory = plan.create(artifacts.factory.initCode(Map.of(), List.of(address(admin))));
    Address router = plan.create(artifacts.router.initCode(Map.of(), List.of(address(factory), address(weth))));
    UniswapV2Factory f = Wrappers.at(factory, UniswapV2Factory::load);
    UniswapV2Router02 r = Wrappers.at(router, UniswapV2Router02::load);
    for (PairSeed s : seeds) {
      plan.call(factory, f.createPair(s.tokenA().hex(), s.tokenB().hex()).encodeFunctionCall(), CREATE_PAIR_GAS);
      for (Address token : List.of(s.tokenA(), s.tokenB())) {
        TestToken t = Wrappers.at(token, TestToken::load);
        BigInteger amount = token.equals(s.tokenA()) ? s.amountA() : s.amountB();
        plan.call(token, t.mint(admin.hex(), amount).encodeFunctionCall(), CALL_GAS);
        plan.call(token, t.approve(router.hex(), amount).encodeFunctionCall(), CALL_GAS);
      }
      String add =
          r.addLiquidity(s.tokenA().hex(), s.tokenB().hex(), s.amountA(), s.amountB(), s.amountA(), s.amountB(),
                  admin.hex(), Units.MAX_UINT256)
              .encodeFunctionCall();
      plan.call(router, add, CALL_GAS);
    }
    devnet.sendAll(plan.txs(), plan.txs().size());
    return new UniswapDeployment(factory, router, weth, pairs(chain, factory, f, seeds));
  }

  private static List<UniswapDeployment.Pair> pairs(
      ChainClient chain, Address factory, UniswapV2Factory f, List<PairSeed> seeds) {
    List<RemoteFunctionCall<?>> calls = new ArrayList<>();
    for (PairSeed s : seeds) calls.add(f.getPair(s.tokenA().hex(), s.tokenB().hex()));
    List<List<Type>> got =
        Wrappers.readAll(chain, Collections.nCopies(seeds.size(), factory), calls, chain.blockNumber());
    List<UniswapDeployment.Pair> out = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      Address a = seeds.get(i).tokenA();
      Address b = seeds.get(i).tokenB();
      Address pair = Address.of(got.get(i).get(0).getValue().toString());
      out.add(a.compareTo(b) < 0 ? new UniswapDeployment.Pair(a, b, pair) : new UniswapDeployment.Pair(b, a, pair));
    }
    return out;
  }

}
