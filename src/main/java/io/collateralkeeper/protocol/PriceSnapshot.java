package io.collateralkeeper.protocol;

/**
 * The prices (and, for Aave, the whole market state) a protect action was sized with, kept by the protect daemon so
 * that after inclusion the account can be re-evaluated at exactly those prices: an adapter-specific immutable value.
 */
public interface PriceSnapshot {}
