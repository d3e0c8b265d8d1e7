package io.collateralkeeper.risk;

import java.util.List;

/**
 * The risk parameters of a reference vault: its collaterals and markets, in id order.
 *
 * @param collaterals collateral assets by id
 * @param markets perpetual markets by id
 * @param heartbeatSeconds maximum feed age before the vault refuses to liquidate ({@code heartbeat()})
 */
public record VaultConfig(List<VaultCollateral> collaterals, List<VaultMarket> markets, long heartbeatSeconds) {
  public VaultConfig {
    collaterals = List.copyOf(collaterals);
    markets = List.copyOf(markets);
  }
}
