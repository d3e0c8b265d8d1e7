package io.collateralkeeper.devnet;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.List;

/**
 * The reference vault market as deployed on a development chain.
 *
 * <p>Collateral ids: 0 USDC (6 decimals), 1 WETH (18), 2 WBTC (8). Market ids: 0 ETH-PERP, 1 BTC-PERP.
 *
 * @param multicall our Multicall3
 * @param usdc USD stablecoin token
 * @param weth wrapped ether token
 * @param wbtc wrapped bitcoin token
 * @param usdcFeed USDC/USD aggregator (8 decimals)
 * @param ethFeed ETH/USD aggregator (8 decimals), also the native coin's price
 * @param btcFeed BTC/USD aggregator (8 decimals)
 * @param vault the CrossMarginVault
 * @param deployBlock block of the vault's deployment (where indexing may start)
 */
public record VaultDeployment(
    Address multicall,
    Address usdc,
    Address weth,
    Address wbtc,
    Address usdcFeed,
    Address ethFeed,
    Address btcFeed,
    Address vault,
    long deployBlock) {
  public static final int USDC = 0;
  public static final int WETH = 1;
  public static final int WBTC = 2;
  public static final int ETH_PERP = 0;
  public static final int BTC_PERP = 1;

  /**
   * The prices the vault sees with USDC at $1 and the given ETH and BTC answers (8 decimals), by collateral and
   * market id.
   */
  public static VaultPrices prices(BigInteger eth, BigInteger btc) {
    return new VaultPrices(List.of(Units.PRICE_UNIT, eth, btc), List.of(eth, btc));
  }

  /** Token address by collateral id. */
  public Address token(int collateralId) {
    return switch (collateralId) {
      case USDC -> usdc;
      case WETH -> weth;
      case WBTC -> wbtc;
      default -> throw new IllegalArgumentException("unknown collateral " + collateralId);
    };
  }
}
