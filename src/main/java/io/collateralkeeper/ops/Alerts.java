package io.collateralkeeper.ops;

import io.collateralkeeper.domain.Address;
import java.util.Collection;

/**
 * The keeper's alerts, by name: each is handed, without secrets, to the sink ({@link Operations} uses a {@link
 * RateLimitedAlertSink} in front of a {@link LoggingAlertSink} in front of the webhook, so an alert held back by the
 * rate limit is not logged either). Any component may raise one (the daemon's listener, the watchdog, a bundle route,
 * protect mode). Thread-safe when the sink is.
 */
public final class Alerts {
  private final AlertSink sink;
  private final SecretScrubber scrubber;

  /**
   * @param sink where alerts go
   * @param scrubber removes secrets before an alert leaves the process
   */
  public Alerts(AlertSink sink, SecretScrubber scrubber) {
    this.sink = sink;
    this.scrubber = scrubber;
  }

  /** Alerts that are only logged. */
  public static Alerts logOnly() {
    return new Alerts(new LoggingAlertSink(AlertSink.NONE), new SecretScrubber(java.util.List.of()));
  }

  /** No new head for too long; {@code reason} says for how long. */
  public void staleHead(String reason) {
    raise(AlertKind.STALE_HEAD, reason);
  }

  /** The wallet is below its floor; {@code reason} gives balance and floor. */
  public void walletBelowFloor(String reason) {
    raise(AlertKind.WALLET_BELOW_FLOOR, reason);
  }

  /** Every RPC endpoint is down. */
  public void rpcDown(String reason) {
    raise(AlertKind.RPC_DOWN, reason);
  }

  /** Liquidations were refused on these stale or deviating prices (one line each). */
  public void staleOracle(Collection<String> problems) {
    raise(AlertKind.STALE_ORACLE, "no liquidation on bad prices: " + String.join("; ", problems));
  }

  /** A transaction of ours reverted on chain. */
  public void txReverted(Address account, String txHash, long block) {
    raise(AlertKind.TX_REVERTED, "liquidation of " + account + " reverted in block " + block + ", tx " + txHash);
  }

  /** Bundles missed {@code misses} target blocks in a row; {@code last} names the last one (a bundle hash or block). */
  public void bundleNotIncluded(String last, int misses) {
    raise(AlertKind.BUNDLE_NOT_INCLUDED, "bundles missed " + misses + " target blocks in a row (last: " + last + ")");
  }

  /** Protect mode cannot save one of the operator's accounts. */
  public void protectFailed(Address account, String reason) {
    raise(AlertKind.PROTECT_FAILED, "cannot protect " + account + ": " + reason);
  }

  /** Raises an alert of any kind, without secrets. */
  public void raise(AlertKind kind, String message) {
    sink.send(new Alert(kind, scrubber.scrub(message)));
  }
}
