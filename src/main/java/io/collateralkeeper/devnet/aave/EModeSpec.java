package io.collateralkeeper.devnet.aave;

/**
 * An Aave V3 efficiency-mode category ({@code PoolConfigurator.setEModeCategory}); its assets are the reserves whose
 * {@link ReserveSpec#eModeCategory()} is {@code id}. The category has no price source of its own (the reserves' feeds
 * are used).
 *
 * @param id category id (1..255)
 * @param ltvBps loan to value in the category, bps
 * @param liquidationThresholdBps liquidation threshold in the category, bps
 * @param liquidationBonusBps liquidation bonus in the 10000-plus form
 * @param label its name
 */
public record EModeSpec(int id, int ltvBps, int liquidationThresholdBps, int liquidationBonusBps, String label) {}
