package io.collateralkeeper.ops;

import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperListener;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's operations listener: feeds each head's report to the opportunity accounting, the metrics and the
 * health state, and raises the per-head alerts (a reverted transaction, liquidations refused on bad prices).
 */
public final class OpsListener implements KeeperListener {
  private static final Logger LOG = LoggerFactory.getLogger(OpsListener.class);

  private final OpportunityTracker tracker;
  private final KeeperMetrics metrics;
  private final HealthState health;
  private final Alerts alerts;
  private final Clock clock;
  private final java.util.Optional<BundleMisses> bundleMisses;
  private java.util.Set<io.collateralkeeper.domain.Address> inFlight = java.util.Set.of();

  /**
   * @param bundleMisses on the bundle route: a head that settles none of the transactions in flight at the previous
   *     head is a missed target block (the pipeline sends one bundle per head for the next block)
   */
  public OpsListener(
      OpportunityTracker tracker, KeeperMetrics metrics, HealthState health, Alerts alerts, Clock clock,
      java.util.Optional<BundleMisses> bundleMisses) {
    this.bundleMisses = bundleMisses;
    this.tracker = tracker;
    this.metrics = metrics;
    this.health = health;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  public void onBlock(BlockReport r) {
    OpportunityDelta d = tracker.update(r);
    metrics.onReport(r, d, clock.instant().getEpochSecond());
    health.onHead(r.block());
    for (Attempt a : r.settled()) if (a.reverted()) alerts.txReverted(a.account(), a.tx().hash(), a.includedBlock());
    if (!r.priceProblems().isEmpty()) alerts.staleOracle(r.priceProblems().values());
    bundleMisses.ifPresent(b -> {
      if (!r.settled().isEmpty()) b.included();
      else if (!inFlight.isEmpty()) b.missed("target block " + r.block());
    });
    inFlight = r.open();
    d.lost().forEach(a -> LOG.info("opportunity lost: {} was liquidated by another keeper", a));
    d.missed().forEach(a -> LOG.warn("missed liquidation: {} is liquidatable without an attempt of ours", a));
  }

  @Override
  public void onIndexProgress(long from, long to, long doneThrough) {
    metrics.onIndexProgress(from, to, doneThrough);
  }
}
