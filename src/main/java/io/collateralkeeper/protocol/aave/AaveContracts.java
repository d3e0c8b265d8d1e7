package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.domain.Address;

/**
 * The contracts of one Aave V3 market, as its {@code PoolAddressesProvider} names them.
 *
 * @param provider the PoolAddressesProvider
 * @param pool {@code getPool()}: the Pool proxy
 * @param oracle {@code getPriceOracle()}: the AaveOracle
 * @param dataProvider {@code getPoolDataProvider()}: the AaveProtocolDataProvider
 */
public record AaveContracts(Address provider, Address pool, Address oracle, Address dataProvider) {}
