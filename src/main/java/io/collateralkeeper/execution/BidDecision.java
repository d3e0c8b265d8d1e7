package io.collateralkeeper.execution;

/** What {@link BidPolicy} decided for one opportunity: a {@link Bid} or a {@link NoBid} with its reason. */
public sealed interface BidDecision permits Bid, NoBid {}
