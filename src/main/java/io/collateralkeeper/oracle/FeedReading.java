package io.collateralkeeper.oracle;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/**
 * One Chainlink-style feed's latest round ({@code latestRoundData}).
 *
 * @param feed the aggregator
 * @param roundId the round id
 * @param answer the answer, in the feed's decimals (8 for USD feeds)
 * @param updatedAt when the answer was written, unix seconds
 */
public record FeedReading(Address feed, BigInteger roundId, BigInteger answer, long updatedAt) {
  /** True when the answer is older than {@code heartbeatSeconds} at {@code nowSeconds} (the vault's rule). */
  public boolean isStale(long nowSeconds, long heartbeatSeconds) {
    return updatedAt + heartbeatSeconds < nowSeconds;
  }
}
