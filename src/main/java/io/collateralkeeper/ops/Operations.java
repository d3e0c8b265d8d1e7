package io.collateralkeeper.ops;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcObserver;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.domain.Address;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations side of a running keeper, started together and closed in reverse: metrics and health state, the
 * process-wide RPC observer, alerts (rate-limited, to the webhook when one is set), the watchdog, and the HTTP
 * endpoint when a port is set. Give {@link #listener()} to the daemon.
 */
public final class Operations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

  private final HealthState health;
  private final KeeperMetrics metrics;
  private final Alerts alerts;
  private final BundleMisses bundleMisses;
  private final OpsListener listener;
  private final WebhookAlertSink webhook;
  private final Watchdog watchdog;
  private final OpsServer server;

  private Operations(OpsSettings s, ChainClient chain, Address wallet, List<String> secrets, Clock clock, AlertSink sink) {
    health = new HealthState(clock, s.staleHead(), s.walletFloorWei());
    metrics = new KeeperMetrics(health);
    RpcObserver.install(both(metrics, health));
    webhook = s.webhookUrl().map(u -> new WebhookAlertSink(u, s.webhookFormat(), s.webhookChatId())).orElse(null);
    List<String> allSecrets = new ArrayList<>(secrets);
    s.webhookUrl().ifPresent(allSecrets::add);
    AlertSink target = sink != null ? sink : webhook != null ? webhook : AlertSink.NONE;
    alerts =
        new Alerts(
            new RateLimitedAlertSink(new LoggingAlertSink(target), s.alertMinInterval(), clock),
            new SecretScrubber(allSecrets));
    bundleMisses = new BundleMisses(alerts, s.bundleMissesAlert());
    listener =
        new OpsListener(
            new OpportunityTracker(s.missedAfterBlocks()), metrics, health, alerts, clock,
            s.bundleRoute() ? Optional.of(bundleMisses) : Optional.empty());
    watchdog = new Watchdog(chain, wallet, health, metrics, alerts, s.tick(), s.balanceEvery());
    server = s.metricsPort().map(p -> new OpsServer(p, metrics::scrape, health::health)).orElse(null);
    if (server != null) LOG.info("metrics on http://127.0.0.1:{}/metrics, health on /health", server.port());
  }

  /**
   * Starts operations.
   *
   * @param chain the endpoint the watchdog reads the wallet balance from
   * @param wallet the keeper's sending address
   * @param secrets strings that must never appear in alerts (private key, RPC URLs with keys)
   * @throws io.collateralkeeper.KeeperException when the metrics port cannot be bound
   */
  public static Operations start(OpsSettings s, ChainClient chain, Address wallet, List<String> secrets, Clock clock) {
    return new Operations(s, chain, wallet, secrets, clock, null);
  }

  /** {@link #start} with alerts to the given sink instead of the webhook (tests, embedding). */
  public static Operations start(
      OpsSettings s, ChainClient chain, Address wallet, List<String> secrets, Clock clock, AlertSink sink) {
    return new Operations(s, chain, wallet, secrets, clock, sink);
  }

  /** The daemon listener feeding metrics, health and alerts. */
  public KeeperListener listener() {
    return listener;
  }

  /** The alerts, for components that raise their own (bundle route, protect mode). */
  public Alerts alerts() {
    return alerts;
  }

  /** Bundle misses in a row, for the bundle route. */
  public BundleMisses bundleMisses() {
    return bundleMisses;
  }

  /** The metrics. */
  public KeeperMetrics metrics() {
    return metrics;
  }

  /** The health now. */
  public Health health() {
    return health.health();
  }

  /** The port of the HTTP endpoint, when one runs. */
  public Optional<Integer> metricsPort() {
    return Optional.ofNullable(server).map(OpsServer::port);
  }

  @Override
  public void close() {
    if (server != null) server.close();
    watchdog.close();
    if (webhook != null) webhook.close();
    RpcObserver.install(RpcObserver.NONE);
  }

  private static RpcObserver both(RpcObserver a, RpcObserver b) {
    return new RpcObserver() {
      @Override
      public void onResponse(String endpoint, long nanos, int httpStatus) {
        a.onResponse(endpoint, nanos, httpStatus);
        b.onResponse(endpoint, nanos, httpStatus);
      }

      @Override
      public void onFailure(String endpoint, long nanos, String kind) {
        a.onFailure(endpoint, nanos, kind);
        b.onFailure(endpoint, nanos, kind);
      }
    };
  }
}
