package io.collateralkeeper.strategy.aave;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveLiquidationResult;

/**
 * One way to liquidate an Aave V3 account: a (collateral, debt) pair and the debt to cover, with what the Pool would
 * move for it.
 *
 * @param collateralAsset reserve seized
 * @param debtAsset reserve repaid
 * @param debtToCover debt offered, raw debt-asset units (the liquidationCall argument)
 * @param outcome the amounts the Pool would move ({@link io.collateralkeeper.risk.aave.AaveLiquidationMath})
 */
public record AaveLiquidationOption(
    Address collateralAsset, Address debtAsset, java.math.BigInteger debtToCover, AaveLiquidationResult.Executed outcome) {}
