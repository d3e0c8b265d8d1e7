package io.collateralkeeper.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health rules (pure): unhealthy when the head is stale (no new block processed for longer than {@code
 * staleHead}, counted from start-up until the first head), when the wallet holds less than its floor, or when every
 * RPC endpoint is down ({@link EndpointStatus#down()}).
 */
public final class HealthCheck {
  private HealthCheck() {}

  /**
   * @param now the current time
   * @param startedAt when the keeper started
   * @param lastNewHead when the daemon last processed a new head, if ever
   * @param staleHead how long without a new head is too long
   * @param walletWei the wallet's last read native balance, wei (empty until read)
   * @param floorWei the wallet floor, wei (0 = no floor)
   * @param endpoints every endpoint used so far, by redacted URL
   */
  public static Health evaluate(
      Instant now,
      Instant startedAt,
      Optional<Instant> lastNewHead,
      Duration staleHead,
      Optional<BigInteger> walletWei,
      BigInteger floorWei,
      Map<String, EndpointStatus> endpoints) {
    List<Health.Problem> reasons = new ArrayList<>();
    Duration age = Duration.between(lastNewHead.orElse(startedAt), now);
    if (age.compareTo(staleHead) > 0) {
      reasons.add(new Health.Problem(AlertKind.STALE_HEAD,
          lastNewHead.isPresent()
              ? "stale head: no new block processed for %s s (limit %s s)".formatted(seconds(age), seconds(staleHead))
              : "stale head: no block processed in the %s s since start (limit %s s)"
                  .formatted(seconds(age), seconds(staleHead))));
    }
    if (walletWei.isPresent() && floorWei.signum() > 0 && walletWei.get().compareTo(floorWei) < 0) {
      reasons.add(new Health.Problem(AlertKind.WALLET_BELOW_FLOOR,
          "wallet below floor: %s ETH < %s ETH".formatted(eth(walletWei.get()), eth(floorWei))));
    }
    if (!endpoints.isEmpty() && endpoints.values().stream().allMatch(EndpointStatus::down)) {
      List<String> each = new ArrayList<>();
      endpoints.forEach((url, s) -> each.add(url + " (" + s.consecutiveFailures() + " failures in a row)"));
      reasons.add(new Health.Problem(AlertKind.RPC_DOWN, "every RPC endpoint is down: " + String.join(", ", each)));
    }
    return new Health(reasons);
  }

  /** A duration in seconds with the milliseconds, trailing zeros dropped: 61, 2.15. */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** Wei as a plain decimal ETH string (exact). */
  static String eth(BigInteger wei) {
    return new BigDecimal(wei, 18).stripTrailingZeros().toPlainString();
  }
}
