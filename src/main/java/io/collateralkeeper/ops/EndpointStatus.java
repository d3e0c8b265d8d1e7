package io.collateralkeeper.ops;

import java.time.Instant;
import java.util.Optional;

/**
 * One RPC endpoint's recent record.
 *
 * @param consecutiveFailures failed exchanges (no response, or a non-2xx HTTP status) since the last success
 * @param lastSuccess when the last successful exchange ended
 */
public record EndpointStatus(int consecutiveFailures, Optional<Instant> lastSuccess) {
  /** Failures in a row after which an endpoint counts as down. */
  public static final int DOWN_AFTER_FAILURES = 3;

  /** True when the last {@link #DOWN_AFTER_FAILURES} exchanges all failed. */
  public boolean down() {
    return consecutiveFailures >= DOWN_AFTER_FAILURES;
  }
}
