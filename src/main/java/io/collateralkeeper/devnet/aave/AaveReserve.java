package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.domain.Address;

/**
 * One listed reserve of the devnet Aave V3 market.
 *
 * @param symbol the underlying token's symbol
 * @param decimals the underlying token's decimals (also its aToken's and debt tokens')
 * @param asset the underlying token (a mintable {@code TestToken})
 * @param aToken its AToken proxy
 * @param variableDebtToken its VariableDebtToken proxy
 * @param stableDebtToken its StableDebtToken proxy
 * @param feed its USD price feed ({@code MockAggregator}, 8 decimals), the AaveOracle's source for it
 * @param rateStrategy its DefaultReserveInterestRateStrategy
 */
public record AaveReserve(
    String symbol,
    int decimals,
    Address asset,
    Address aToken,
    Address variableDebtToken,
    Address stableDebtToken,
    Address feed,
    Address rateStrategy) {}
