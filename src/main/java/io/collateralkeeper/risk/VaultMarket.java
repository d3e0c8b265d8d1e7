package io.collateralkeeper.risk;

/**
 * A perpetual market of the reference vault, as listed by {@code CrossMarginVault.listMarket}.
 *
 * @param id market id (index in the vault's {@code markets} array)
 * @param initialMarginBps initial margin ratio in basis points (checked when a position grows or on withdrawal)
 * @param maintenanceMarginBps maintenance margin ratio in basis points (the health factor's denominator)
 * @param liquidationFeeBps fee paid to the liquidator on the closed notional, in basis points
 */
public record VaultMarket(int id, int initialMarginBps, int maintenanceMarginBps, int liquidationFeeBps) {}
