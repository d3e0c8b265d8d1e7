package io.collateralkeeper.execution;

/**
 * Do not send: gas would take too much of the profit.
 *
 * @param reason one line, e.g. "base fee cost 2100000000000000 wei >= profit 2000000000000000 wei"
 */
public record NoBid(String reason) implements BidDecision {}
