package io.collateralkeeper.devnet.aave;

import java.math.BigInteger;

/**
 * One reserve to list on the devnet Aave V3 market: its test token, its price feed and its PoolConfigurator settings.
 *
 * @param symbol token symbol (also names the aToken "aDev" + symbol and debt tokens)
 * @param decimals token decimals
 * @param price initial feed answer, USD with 8 decimals
 * @param ltvBps loan to value, bps (0 = not usable to borrow against)
 * @param liquidationThresholdBps liquidation threshold, bps (0 = not collateral)
 * @param liquidationBonusBps liquidation bonus in Aave's 10000-plus form (10500 = 5% bonus; 0 when not collateral)
 * @param reserveFactorBps share of interest to the treasury, bps
 * @param liquidationProtocolFeeBps share of the liquidation bonus to the treasury, bps
 * @param stableBorrowing whether stable-rate borrowing is enabled (variable borrowing always is)
 * @param debtCeiling isolation-mode debt ceiling, USD with 2 decimals (0 = not an isolated asset)
 * @param borrowableInIsolation whether isolated-collateral users may borrow it
 * @param eModeCategory e-mode category id (0 = none)
 * @param rates its interest rate strategy
 */
public record ReserveSpec(
    String symbol,
    int decimals,
    BigInteger price,
    int ltvBps,
    int liquidationThresholdBps,
    int liquidationBonusBps,
    int reserveFactorBps,
    int liquidationProtocolFeeBps,
    boolean stableBorrowing,
    long debtCeiling,
    boolean borrowableInIsolation,
    int eModeCategory,
    RateStrategySpec rates) {

  /** Whether it can be used as collateral (a non-zero liquidation threshold). */
  public boolean collateral() {
    return liquidationThresholdBps > 0;
  }
}
