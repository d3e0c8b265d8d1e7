package io.collateralkeeper.ops;

import io.collateralkeeper.config.StrategyConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolved operations settings (see {@link StrategyConfig.Ops} for the strategy keys and their defaults).
 *
 * @param metricsPort port of the metrics and health endpoint on 127.0.0.1 (empty: no endpoint; 0: any free port)
 * @param webhookUrl alert webhook (empty: alerts are only logged)
 * @param webhookFormat the webhook's body format
 * @param webhookChatId Telegram chat id, or null
 * @param alertMinInterval least time between two alerts of one kind
 * @param staleHead no new head for longer than this is unhealthy
 * @param walletFloorWei wallet floor, wei (0 = none)
 * @param missedAfterBlocks blocks liquidatable without an attempt before a liquidation counts as missed
 * @param bundleMissesAlert bundle target blocks missed in a row that raise an alert
 * @param tick how often the watchdog evaluates health
 * @param balanceEvery how often the watchdog reads the wallet balance
 * @param bundleRoute true when the daemon sends bundles (a head that settles none of the transactions in flight
 *     counts as a missed bundle target block)
 */
public record OpsSettings(
    Optional<Integer> metricsPort,
    Optional<String> webhookUrl,
    WebhookFormat webhookFormat,
    String webhookChatId,
    Duration alertMinInterval,
    Duration staleHead,
    BigInteger walletFloorWei,
    long missedAfterBlocks,
    int bundleMissesAlert,
    Duration tick,
    Duration balanceEvery,
    boolean bundleRoute) {

  /** The settings of a strategy's {@code ops} section (null = all defaults), before command-line overrides. */
  public static OpsSettings of(StrategyConfig.Ops o) {
    if (o == null) o = new StrategyConfig.Ops(null, null, null, null, null, null, null, null, null);
    return new OpsSettings(
        Optional.ofNullable(o.metricsPort()).map(Long::intValue),
        Optional.ofNullable(o.webhookUrl()),
        WebhookFormat.of(o.webhookFormat()),
        o.webhookChatId(),
        Duration.ofSeconds(o.alertMinIntervalS() == null ? 300 : o.alertMinIntervalS()),
        Duration.ofSeconds(o.staleHeadS() == null ? 120 : o.staleHeadS()),
        o.walletFloorEth() == null ? BigInteger.ZERO : o.walletFloorEth().multiply(BigDecimal.TEN.pow(18)).toBigIntegerExact(),
        o.missedAfterBlocks() == null ? 3 : o.missedAfterBlocks(),
        o.bundleMissesAlert() == null ? 3 : o.bundleMissesAlert().intValue(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        false);
  }

  /** A copy with another metrics port (e.g. from {@code --metrics-port}). */
  public OpsSettings withMetricsPort(int port) {
    return new OpsSettings(Optional.of(port), webhookUrl, webhookFormat, webhookChatId, alertMinInterval, staleHead,
        walletFloorWei, missedAfterBlocks, bundleMissesAlert, tick, balanceEvery, bundleRoute);
  }

  /** A copy with another webhook URL (e.g. from {@code KEEPER_WEBHOOK_URL}). */
  public OpsSettings withWebhookUrl(String url) {
    return new OpsSettings(metricsPort, Optional.of(url), webhookFormat, webhookChatId, alertMinInterval, staleHead,
        walletFloorWei, missedAfterBlocks, bundleMissesAlert, tick, balanceEvery, bundleRoute);
  }

  /** A copy with other watchdog periods (tests). */
  public OpsSettings withWatchdog(Duration newTick, Duration newBalanceEvery) {
    return new OpsSettings(metricsPort, webhookUrl, webhookFormat, webhookChatId, alertMinInterval, staleHead,
        walletFloorWei, missedAfterBlocks, bundleMissesAlert, newTick, newBalanceEvery, bundleRoute);
  }

  /** A copy for the bundle route or the public one. */
  public OpsSettings withBundleRoute(boolean bundles) {
    return new OpsSettings(metricsPort, webhookUrl, webhookFormat, webhookChatId, alertMinInterval, staleHead,
        walletFloorWei, missedAfterBlocks, bundleMissesAlert, tick, balanceEvery, bundles);
  }

  /** Omits the webhook URL: it is a secret. */
  @Override
  public String toString() {
    return "OpsSettings[metricsPort=" + metricsPort + ", webhook=" + (webhookUrl.isPresent() ? "***" : "none")
        + ", staleHead=" + staleHead + ", walletFloorWei=" + walletFloorWei + "]";
  }
}
