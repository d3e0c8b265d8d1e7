package io.collateralkeeper.oracle;

import io.collateralkeeper.domain.Address;
import java.util.Map;
import java.util.Optional;

/**
 * When a price may be acted on: the heartbeat each feed must have been updated within, and an optional second feed per
 * asset that the primary's answer may not deviate from by more than a bound. Keys of {@code heartbeats} and {@code
 * secondSources} are an asset or a primary feed address (the asset is looked up first).
 *
 * @param defaultHeartbeatSeconds heartbeat of a feed without an entry in {@code heartbeats}, seconds
 * @param heartbeats heartbeat per asset or feed, seconds
 * @param maxDeviationBps largest allowed |primary - second| / second, basis points
 * @param secondSources second feed per asset or primary feed
 */
public record PriceRules(
    long defaultHeartbeatSeconds,
    Map<Address, Long> heartbeats,
    long maxDeviationBps,
    Map<Address, Address> secondSources) {
  /** Default heartbeat: one day, the longest heartbeat of common Chainlink USD feeds. */
  public static final long DEFAULT_HEARTBEAT_SECONDS = 86_400;

  /** Default deviation bound when second sources are configured: 3%. */
  public static final long DEFAULT_MAX_DEVIATION_BPS = 300;

  /** The defaults: one-day heartbeat, no second sources. */
  public static final PriceRules DEFAULTS =
      new PriceRules(DEFAULT_HEARTBEAT_SECONDS, Map.of(), DEFAULT_MAX_DEVIATION_BPS, Map.of());

  public PriceRules {
    if (defaultHeartbeatSeconds <= 0) throw new IllegalArgumentException("heartbeat must be positive");
    if (maxDeviationBps < 0) throw new IllegalArgumentException("deviation bound must not be negative");
    heartbeats = Map.copyOf(heartbeats);
    secondSources = Map.copyOf(secondSources);
  }

  /** The heartbeat of a source: its asset's entry, else its feed's, else the default; seconds. */
  public long heartbeatOf(PriceSource s) {
    Long h = heartbeats.get(s.asset());
    if (h == null) h = heartbeats.get(s.feed());
    return h == null ? defaultHeartbeatSeconds : h;
  }

  /** The heartbeat of a second-source feed: its own entry, else the default; seconds. */
  public long heartbeatOfFeed(Address feed) {
    return heartbeats.getOrDefault(feed, defaultHeartbeatSeconds);
  }

  /** The second feed configured for a source's asset (or its feed), if any. */
  public Optional<Address> secondSourceOf(PriceSource s) {
    Address a = secondSources.get(s.asset());
    if (a == null) a = secondSources.get(s.feed());
    return Optional.ofNullable(a);
  }
}
