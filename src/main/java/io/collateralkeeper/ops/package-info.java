/**
 * Operations: metrics and the health endpoint ({@link io.collateralkeeper.ops.OpsServer}), alerts to a webhook
 * ({@link io.collateralkeeper.ops.Alerts}, {@link io.collateralkeeper.ops.AlertSink}), the opportunity accounting
 * behind the metrics ({@link io.collateralkeeper.ops.OpportunityTracker}) and the watchdog that notices a stale head,
 * a low wallet or dead endpoints. Wired to the daemon as a {@link io.collateralkeeper.daemon.KeeperListener} by
 * {@link io.collateralkeeper.ops.Operations}.
 */
package io.collateralkeeper.ops;
