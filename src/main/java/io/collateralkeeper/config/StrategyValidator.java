package io.collateralkeeper.config;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.math.BigDecimal;

/** Checks that a parsed strategy has every required key with a sensible value. */
final class StrategyValidator {
  private StrategyValidator() {}

  static StrategyConfig validate(StrategyConfig c, String source) {
    require(c.chain(), source, "chain");
    require(c.chain().chainId(), source, "chain.chain-id");
    if (c.chain().rpcUrls() == null || c.chain().rpcUrls().isEmpty()) {
      throw new KeeperException(source + ": missing key 'chain.rpc-urls' (a list of JSON-RPC URLs)");
    }
    for (String url : c.chain().rpcUrls()) {
      if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
        throw new KeeperException(source + ": 'chain.rpc-urls' must hold http(s) URLs, not '" + shown(url) + "'");
      }
    }
    positive(c.chain().pollIntervalMs(), source, "chain.poll-interval-ms");
    positive(c.chain().rpcTimeoutMs(), source, "chain.rpc-timeout-ms");
    nonNegative(c.chain().maxLagBlocks(), source, "chain.max-lag-blocks");
    positive(c.chain().maxResponseMb(), source, "chain.max-response-mb");
    if (c.chain().maxResponseMb() != null && c.chain().maxResponseMb() > 2047) {
      throw new KeeperException(source + ": 'chain.max-response-mb' must be at most 2047");
    }
    positive(c.chain().reorgDepth(), source, "chain.reorg-depth");
    require(c.protocol(), source, "protocol");
    if (c.protocol() instanceof StrategyConfig.ReferenceVault v) {
      address(v.vault(), source, "protocol.vault", true);
      address(v.multicall(), source, "protocol.multicall", false);
      nonNegative(v.startBlock(), source, "protocol.start-block");
      positive(v.maxLogRange(), source, "protocol.max-log-range");
    }
    if (c.protocol() instanceof StrategyConfig.AaveV3 a) {
      address(a.addressesProvider(), source, "protocol.addresses-provider", true);
      address(a.multicall(), source, "protocol.multicall", false);
      nonNegative(a.startBlock(), source, "protocol.start-block");
      positive(a.maxLogRange(), source, "protocol.max-log-range");
      oneOf(a.funding(), source, "protocol.funding", "inventory", "flash-loan");
      address(a.executor(), source, "protocol.executor", a.flashLoan());
      address(a.dexRouter(), source, "protocol.dex-router", c.protect() == null);
      address(a.swapConnector(), source, "protocol.swap-connector", false);
    }
    if (c.wallet() != null) {
      require(c.wallet().keystore(), source, "wallet.keystore");
      require(c.wallet().passwordFile(), source, "wallet.password-file");
    }
    if (c.protect() == null || c.liquidation() != null) liquidation(c, source);
    require(c.gas(), source, "gas");
    require(c.gas().maxFeeGwei(), source, "gas.max-fee-gwei");
    if (c.gas().maxFeeGwei().signum() <= 0) throw new KeeperException(source + ": 'gas.max-fee-gwei' must be positive");
    decimal(c.gas().maxFeeGwei(), source, "gas.max-fee-gwei");
    tip(c.gas().maxPriorityFeeGwei(), c.gas().maxFeeGwei(), source, "gas.max-priority-fee-gwei");
    tip(c.gas().minPriorityFeeGwei(), c.gas().maxFeeGwei(), source, "gas.min-priority-fee-gwei");
    if (c.gas().minPriorityFeeGwei() != null
        && c.gas().maxPriorityFeeGwei() != null
        && c.gas().minPriorityFeeGwei().compareTo(c.gas().maxPriorityFeeGwei()) > 0) {
      throw new KeeperException(source + ": 'gas.min-priority-fee-gwei' exceeds gas.max-priority-fee-gwei");
    }
    bps(c.gas().bidShareBps(), source, "gas.bid-share-bps");
    bps(c.gas().minMarginBps(), source, "gas.min-margin-bps");
    if (c.gas().minMarginBps() != null && c.gas().minMarginBps() == 10_000) {
      throw new KeeperException(source + ": 'gas.min-margin-bps' must be below 10000 (gas may take some of the profit)");
    }
    nonNegative(c.gas().feeHistoryBlocks(), source, "gas.fee-history-blocks");
    if (c.gas().feeHistoryBlocks() != null && c.gas().feeHistoryBlocks() > 1024) {
      throw new KeeperException(source + ": 'gas.fee-history-blocks' must be at most 1024");
    }
    if (c.gas().feeHistoryPercentile() != null
        && (c.gas().feeHistoryPercentile() < 0 || c.gas().feeHistoryPercentile() > 100)) {
      throw new KeeperException(source + ": 'gas.fee-history-percentile' must be between 0 and 100");
    }
    nonNegative(c.gas().blocksAhead(), source, "gas.blocks-ahead");
    if (c.gas().blocksAhead() != null && c.gas().blocksAhead() > 20) {
      throw new KeeperException(source + ": 'gas.blocks-ahead' must be at most 20");
    }
    positive(c.gas().replaceAfterBlocks(), source, "gas.replace-after-blocks");
    address(c.gas().nativeUsdFeed(), source, "gas.native-usd-feed", true);
    nonNegative(c.gas().gasLimitBufferBps(), source, "gas.gas-limit-buffer-bps");
    if (c.route() != null) {
      oneOf(c.route().mode(), source, "route.mode", "public", "bundle");
      if (c.route().bundle()) {
        if (c.route().relays() == null || c.route().relays().isEmpty()) {
          throw new KeeperException(source + ": route.mode is bundle but 'route.relays' lists no relay URL");
        }
        for (String url : c.route().relays()) {
          if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new KeeperException(source + ": 'route.relays' must hold http(s) URLs, not '" + shown(url) + "'");
          }
        }
      }
      positive(c.route().maxBundleBlocks(), source, "route.max-bundle-blocks");
      if (c.route().payment() != null) {
        oneOf(c.route().payment(), source, "route.payment", "priority-fee", "coinbase");
        boolean flashLoan = c.protocol() instanceof StrategyConfig.AaveV3 a && a.flashLoan();
        if (c.route().coinbasePayment() && (!c.route().bundle() || !flashLoan)) {
          throw new KeeperException(source + ": 'route.payment: coinbase' needs route.mode bundle and an executor that"
              + " pays (protocol aave-v3 with funding flash-loan)");
        }
      }
      if ((c.route().identityKeystore() == null) != (c.route().identityPasswordFile() == null)) {
        throw new KeeperException(
            source + ": 'route.identity-keystore' and 'route.identity-password-file' go together");
      }
    }
    if (c.journal() != null && c.journal().isBlank()) {
      throw new KeeperException(source + ": 'journal' must be a file path");
    }
    if (c.protect() != null) ProtectValidator.validate(c, source);
    OperationsValidator.validate(c, source);
    return c;
  }

  private static void liquidation(StrategyConfig c, String source) {
    require(c.liquidation(), source, "liquidation");
    require(c.liquidation().minProfitUsd(), source, "liquidation.min-profit-usd");
    if (c.liquidation().minProfitUsd().signum() < 0) {
      throw new KeeperException(source + ": 'liquidation.min-profit-usd' must not be negative");
    }
    if (c.liquidation().targetHealth() != null && c.liquidation().targetHealth().compareTo(BigDecimal.ONE) < 0) {
      throw new KeeperException(source + ": 'liquidation.target-health' must be at least 1.0");
    }
    decimal(c.liquidation().minProfitUsd(), source, "liquidation.min-profit-usd");
    decimal(c.liquidation().targetHealth(), source, "liquidation.target-health");
    nonNegative(c.liquidation().fullRefreshBlocks(), source, "liquidation.full-refresh-blocks");
  }

  /** A user-supplied value made safe for a one-line message: line breaks and other controls escaped. */
  static String shown(String value) {
    if (value == null) return "null";
    if (value.length() > 100) return shown(value.substring(0, 100)) + "... (" + value.length() + " characters)";
    StringBuilder out = new StringBuilder(value.length());
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  /** At most 9 decimals and 15 integer digits: exact in wei/wad, and no giant exponents. */
  static void decimal(BigDecimal value, String source, String key) {
    if (value == null) return;
    if (value.scale() > 9 || value.precision() - value.scale() > 15) {
      throw new KeeperException(source + ": '" + key + "' must have at most 15 digits and 9 decimals");
    }
  }

  static void require(Object value, String source, String key) {
    if (value == null) throw new KeeperException(source + ": missing key '" + key + "'");
  }

  static void address(String value, String source, String key, boolean required) {
    if (value == null) {
      if (required) throw new KeeperException(source + ": missing key '" + key + "'");
      return;
    }
    try {
      Address.of(value);
    } catch (IllegalArgumentException e) {
      throw new KeeperException(source + ": '" + key + "' is not an address (0x + 40 hex digits): '" + shown(value) + "'");
    }
  }

  private static void tip(BigDecimal gwei, BigDecimal maxFeeGwei, String source, String key) {
    if (gwei == null) return;
    if (gwei.signum() < 0) throw new KeeperException(source + ": '" + key + "' must not be negative");
    if (gwei.compareTo(maxFeeGwei) > 0) throw new KeeperException(source + ": '" + key + "' exceeds gas.max-fee-gwei");
    decimal(gwei, source, key);
  }

  static void oneOf(String value, String source, String key, String... allowed) {
    if (value == null) return;
    for (String a : allowed) if (a.equals(value)) return;
    throw new KeeperException(
        source + ": '" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + shown(value) + "'");
  }

  private static void bps(Long value, String source, String key) {
    if (value != null && (value < 0 || value > 10_000)) {
      throw new KeeperException(source + ": '" + key + "' must be between 0 and 10000 (basis points)");
    }
  }

  static void positive(Long value, String source, String key) {
    if (value != null && value <= 0) throw new KeeperException(source + ": '" + key + "' must be positive");
  }

  static void nonNegative(Long value, String source, String key) {
    if (value != null && value < 0) throw new KeeperException(source + ": '" + key + "' must not be negative");
  }
}
