package io.collateralkeeper.oracle;

import io.collateralkeeper.domain.Address;

/**
 * One Chainlink-style feed a protocol prices with, and what it prices.
 *
 * @param asset the token priced (an Aave reserve asset, a vault collateral token); for a market without a token of
 *     its own (a vault perp market) the feed's address
 * @param feed the aggregator the protocol reads ({@code AaveOracle.getSourceOfAsset(asset)}, the vault's feed)
 */
public record PriceSource(Address asset, Address feed) {}
