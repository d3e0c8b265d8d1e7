package io.collateralkeeper.ops;

import io.collateralkeeper.chain.RpcObserver;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the health rules need, gathered from the daemon (new heads), the watchdog (wallet balance) and every RPC
 * exchange (endpoint status). Thread-safe.
 */
public final class HealthState implements RpcObserver {
  private final Clock clock;
  private final Instant startedAt;
  private final Duration staleHead;
  private final BigInteger floorWei;
  private final Map<String, EndpointStatus> endpoints = new TreeMap<>();
  private Instant lastNewHead;
  private long head = -1;
  private BigInteger walletWei;

  /**
   * @param clock time source
   * @param staleHead how long without a new head is too long
   * @param floorWei the wallet floor, wei (0 = none)
   */
  public HealthState(Clock clock, Duration staleHead, BigInteger floorWei) {
    this.clock = clock;
    this.startedAt = clock.instant();
    this.staleHead = staleHead;
    this.floorWei = floorWei;
  }

  /** The daemon processed a head; a higher block than before counts as a new head. */
  public synchronized void onHead(long block) {
    if (block > head) {
      head = block;
      lastNewHead = clock.instant();
    }
  }

  /** The wallet's native balance was read, wei. */
  public synchronized void onWalletBalance(BigInteger wei) {
    walletWei = wei;
  }

  /** Seconds since the last new head (or since start when none yet). */
  public synchronized double headAgeSeconds() {
    return Duration.between(lastNewHead == null ? startedAt : lastNewHead, clock.instant()).toMillis() / 1000.0;
  }

  /** The wallet floor, wei. */
  public BigInteger floorWei() {
    return floorWei;
  }

  /** The health now. */
  public synchronized Health health() {
    return HealthCheck.evaluate(
        clock.instant(), startedAt, Optional.ofNullable(lastNewHead), staleHead, Optional.ofNullable(walletWei), floorWei,
        Map.copyOf(endpoints));
  }

  @Override
  public synchronized void onResponse(String endpoint, long nanos, int httpStatus) {
    if (httpStatus >= 200 && httpStatus < 300) {
      endpoints.put(endpoint, new EndpointStatus(0, Optional.of(clock.instant())));
    } else {
      fail(endpoint);
    }
  }

  @Override
  public synchronized void onFailure(String endpoint, long nanos, String kind) {
    fail(endpoint);
  }

  private void fail(String endpoint) {
    EndpointStatus s = endpoints.getOrDefault(endpoint, new EndpointStatus(0, Optional.empty()));
    endpoints.put(endpoint, new EndpointStatus(s.consecutiveFailures() + 1, s.lastSuccess()));
  }
}
