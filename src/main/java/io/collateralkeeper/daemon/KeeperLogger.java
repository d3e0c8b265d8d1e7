package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's operator events, by name: one log line each, human-readable, with the same facts as named fields
 * ({@code event}, {@code account}, {@code tx}, ...) that the JSON log format ({@code --log-format json}) prints as
 * keys. Logged under the {@link KeeperDaemon} logger.
 */
final class KeeperLogger {
  private static final Logger LOG = LoggerFactory.getLogger(KeeperDaemon.class);

  private KeeperLogger() {}

  /** {@code liquidation_submitted}: a liquidation was signed, journaled and broadcast. */
  static void liquidationSubmitted(Address account, String summary, BigInteger netProfitUsdWad, String tx) {
    LOG.atInfo()
        .addKeyValue("event", "liquidation_submitted")
        .addKeyValue("account", account.hex())
        .addKeyValue("expected_net_usd", Units.formatWad(netProfitUsdWad, 2))
        .addKeyValue("tx", tx)
        .log("liquidation submitted: account {} {} expected net ${} tx {}", account, summary,
            Units.formatWad(netProfitUsdWad, 2), tx);
  }

  /** {@code liquidation_included}: our liquidation is in a block with a success status. */
  static void liquidationIncluded(Address account, long block, BigInteger revenueUsdWad, String tx) {
    LOG.atInfo()
        .addKeyValue("event", "liquidation_included")
        .addKeyValue("account", account.hex())
        .addKeyValue("block", block)
        .addKeyValue("revenue_usd", Units.formatWad(revenueUsdWad, 2))
        .addKeyValue("tx", tx)
        .log("liquidation included: account {} block {} revenue ${} tx {}", account, block,
            Units.formatWad(revenueUsdWad, 2), tx);
  }

  /** {@code liquidation_reverted}: our liquidation is in a block with a failed status. */
  static void liquidationReverted(Address account, long block, BigInteger gasUsed, BigInteger gasLimit, String tx) {
    LOG.atWarn()
        .addKeyValue("event", "liquidation_reverted")
        .addKeyValue("account", account.hex())
        .addKeyValue("block", block)
        .addKeyValue("gas_used", gasUsed)
        .addKeyValue("tx", tx)
        .log("liquidation reverted: account {} block {} gas {}/{} tx {}", account, block, gasUsed, gasLimit, tx);
  }

  /** {@code liquidation_refused_price}: a liquidatable account was left alone because of a stale or deviating price. */
  static void refusedOnPrice(Address account, String reason) {
    LOG.atWarn()
        .addKeyValue("event", "liquidation_refused_price")
        .addKeyValue("account", account.hex())
        .log("no liquidation of {}: {}", account, reason);
  }
}
