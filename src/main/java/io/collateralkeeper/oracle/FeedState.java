package io.collateralkeeper.oracle;

/**
 * A feed's latest round with its decimals.
 *
 * @param reading {@code latestRoundData()}
 * @param decimals {@code decimals()} of the feed (8 for Chainlink USD feeds)
 */
public record FeedState(FeedReading reading, int decimals) {}
