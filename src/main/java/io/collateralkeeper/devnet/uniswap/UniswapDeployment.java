package io.collateralkeeper.devnet.uniswap;

import io.collateralkeeper.domain.Address;
import java.util.List;

/**
 * Uniswap V2 (npm {@code @uniswap/v2-core} 1.0.1 and {@code @uniswap/v2-periphery} 1.1.0-beta.0 bytecode, the
 * mainnet code) deployed on a development chain.
 *
 * @param factory the UniswapV2Factory
 * @param router the UniswapV2Router02 (token-to-token functions; its WETH is the given token, see
 *     {@link UniswapDeployer})
 * @param weth the token the router treats as WETH
 * @param pairs the created pairs
 */
public record UniswapDeployment(Address factory, Address router, Address weth, List<Pair> pairs) {

  /**
   * One pair.
   *
   * @param token0 the lower token address
   * @param token1 the higher token address
   * @param pair the UniswapV2Pair
   */
  public record Pair(Address token0, Address token1, Address pair) {}

  public UniswapDeployment {
    pairs = List.copyOf(pairs);
  }

  /**
   * The pair of two tokens, in either order.
   *
   * @throws IllegalArgumentException when it was not created
   */
  public Address pair(Address a, Address b) {
    Address lo = a.compareTo(b) < 0 ? a : b;
    Address hi = a.compareTo(b) < 0 ? b : a;
    return pairs.stream()
        .filter(p -> p.token0().equals(lo) && p.token1().equals(hi))
        .map(Pair::pair)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Uniswap pair " + a + "/" + b));
  }
}
