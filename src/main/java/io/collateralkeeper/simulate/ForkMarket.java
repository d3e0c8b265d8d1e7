package io.collateralkeeper.simulate;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import java.util.List;

/**
 * What a dry run needs to know of the strategy's protocol beyond the keeper's adapter: which feeds price which asset
 * (to shock them) and which tokens a liquidation moves, at what price (to check the keeper's balance changes).
 */
public interface ForkMarket {
  /**
   * The protocol's price feeds by asset name at {@code block}.
   *
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  AssetFeeds feeds(long block);

  /**
   * The tokens the keeper's liquidations can move, priced as the protocol prices them at {@code block}.
   *
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  List<PricedToken> tokens(long block);

  /**
   * The market of the strategy's protocol.
   *
   * @throws KeeperException for a protocol type without one
   */
  static ForkMarket of(ChainClient chain, StrategyConfig.Protocol protocol) {
    Multicall multicall =
        new Multicall(chain, protocol.multicall() == null ? Multicall.CANONICAL : Address.of(protocol.multicall()), 250);
    return switch (protocol) {
      case StrategyConfig.ReferenceVault v -> new VaultForkMarket(chain, multicall, Address.of(v.vault()));
      case StrategyConfig.AaveV3 a -> new AaveForkMarket(chain, multicall, Address.of(a.addressesProvider()));
    };
  }
}
