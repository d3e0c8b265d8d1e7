package io.collateralkeeper.risk.var;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One oracle round: an answer and when it was written ({@code getRoundData} of a Chainlink-style feed).
 *
 * @param updatedAt the round's {@code updatedAt}, unix seconds
 * @param answer the answer in the feed's decimals (8 for USD feeds); rounds with a non-positive answer are ignored by
 *     the estimators
 */
public record RoundObservation(long updatedAt, BigInteger answer) {
  public RoundObservation {
    Objects.requireNonNull(answer, "answer");
  }
}
