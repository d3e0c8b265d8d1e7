package io.collateralkeeper.config;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.math.BigDecimal;
import java.util.Map;

/** Checks the {@code ops} and {@code oracle} sections of a strategy (see {@link StrategyConfig.Ops}, {@link StrategyConfig.Oracle}). */
final class OperationsValidator {
  private OperationsValidator() {}

  static void validate(StrategyConfig c, String source) {
    StrategyConfig.Ops o = c.ops();
    if (o != null) {
      if (o.metricsPort() != null && (o.metricsPort() < 0 || o.metricsPort() > 65_535)) {
        throw new KeeperException(source + ": 'ops.metrics-port' must be between 0 and 65535");
      }
      if (o.webhookUrl() != null && !(o.webhookUrl().startsWith("http://") || o.webhookUrl().startsWith("https://"))) {
        // the URL is a secret: never echo it
        throw new KeeperException(source + ": 'ops.webhook-url' must be an http(s) URL");
      }
      if (o.webhookFormat() != null && !WEBHOOK_FORMATS.containsKey(o.webhookFormat())) {
        throw new KeeperException(
            source + ": 'ops.webhook-format' must be one of slack-discord, telegram, text-only, not '"
                + StrategyValidator.shown(o.webhookFormat()) + "'");
      }
      if ("telegram".equals(o.webhookFormat()) && (o.webhookChatId() == null || o.webhookChatId().isBlank())) {
        throw new KeeperException(source + ": 'ops.webhook-format' telegram needs 'ops.webhook-chat-id'");
      }
      nonNegative(o.alertMinIntervalS(), source, "ops.alert-min-interval-s");
      positive(o.staleHeadS(), source, "ops.stale-head-s");
      positive(o.missedAfterBlocks(), source, "ops.missed-after-blocks");
      positive(o.bundleMissesAlert(), source, "ops.bundle-misses-alert");
      BigDecimal floor = o.walletFloorEth();
      if (floor != null && (floor.signum() < 0 || floor.scale() > 18 || floor.precision() - floor.scale() > 12)) {
        throw new KeeperException(
            source + ": 'ops.wallet-floor-eth' must be a non-negative amount with at most 18 decimals");
      }
    }
    StrategyConfig.Oracle p = c.oracle();
    if (p != null) {
      positive(p.heartbeatS(), source, "oracle.heartbeat-s");
      if (p.maxDeviationBps() != null && (p.maxDeviationBps() < 1 || p.maxDeviationBps() > 10_000)) {
        throw new KeeperException(source + ": 'oracle.max-deviation-bps' must be between 1 and 10000");
      }
      if (p.heartbeats() != null) {
        for (Map.Entry<String, Long> e : p.heartbeats().entrySet()) {
          address(e.getKey(), source, "oracle.heartbeats");
          if (e.getValue() == null || e.getValue() <= 0) {
            throw new KeeperException(source + ": 'oracle.heartbeats." + e.getKey() + "' must be positive (seconds)");
          }
        }
      }
      if (p.secondSources() != null) {
        for (Map.Entry<String, String> e : p.secondSources().entrySet()) {
          address(e.getKey(), source, "oracle.second-sources");
          address(e.getValue(), source, "oracle.second-sources." + e.getKey());
        }
      }
    }
  }

  /** Webhook formats and what they send. */
  static final Map<String, String> WEBHOOK_FORMATS =
      Map.of("slack-discord", "{text, content}", "telegram", "{chat_id, text}", "text-only", "{text}");

  private static void address(String value, String source, String key) {
    try {
      Address.of(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new KeeperException(
          source + ": '" + key + "' holds '" + StrategyValidator.shown(value) + "', not an address (0x + 40 hex digits)");
    }
  }

  private static void positive(Long value, String source, String key) {
    if (value != null && value <= 0) throw new KeeperException(source + ": '" + key + "' must be positive");
  }

  private static void nonNegative(Long value, String source, String key) {
    if (value != null && value < 0) throw new KeeperException(source + ": '" + key + "' must not be negative");
  }
}
