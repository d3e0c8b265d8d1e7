package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import java.util.Map;

/**
 * Everything needed to compute the health of a set of users locally, read at one block.
 *
 * @param block the block number read
 * @param market reserves, prices, e-mode categories (those of the reserves and of the users) and block timestamp
 * @param positions each user's position, in the order asked
 */
public record AaveSnapshot(long block, AaveMarket market, Map<Address, AavePosition> positions) {}
