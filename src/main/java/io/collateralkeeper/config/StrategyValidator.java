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
    require(c.protocol(), source, "protocol");
    if (c.protocol() instanceof StrategyConfig.ReferenceVault v) {
      address(v.vault(), source, "protocol.vault", true);
      address(v.multicall(), source, "protocol.multicall", false);
      nonNegative(v.startBlock(), source, "protocol.start-block");
      positive(v.maxLogRange(), source, "protocol.max-log-range");
    }
    if (c.wallet() != null) {
      require(c.wallet().keystore(), source, "wallet.keystore");
      require(c.wallet().passwordFile(), source, "wallet.password-file");
    }
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
    require(c.gas(), source, "gas");
    require(c.gas().maxFeeGwei(), source, "gas.max-fee-gwei");
    require(c.gas().priorityFeeGwei(), source, "gas.priority-fee-gwei");
    if (c.gas().maxFeeGwei().signum() <= 0 || c.gas().priorityFeeGwei().signum() < 0) {
      throw new KeeperException(source + ": gas.max-fee-gwei must be positive and gas.priority-fee-gwei not negative");
    }
    if (c.gas().priorityFeeGwei().compareTo(c.gas().maxFeeGwei()) > 0) {
      throw new KeeperException(source + ": gas.priority-fee-gwei exceeds gas.max-fee-gwei");
    }
    decimal(c.gas().maxFeeGwei(), source, "gas.max-fee-gwei");
    decimal(c.gas().priorityFeeGwei(), source, "gas.priority-fee-gwei");
    address(c.gas().nativeUsdFeed(), source, "gas.native-usd-feed", true);
    nonNegative(c.gas().gasLimitBufferBps(), source, "gas.gas-limit-buffer-bps");
    return c;
  }

  /** A user-supplied value made safe for a one-line message: line breaks and other controls escaped. */
  static String shown(String value) {
    if (value == null) return "null";
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
  private static void decimal(BigDecimal value, String source, String key) {
    if (value == null) return;
    if (value.scale() > 9 || value.precision() - value.scale() > 15) {
      throw new KeeperException(source + ": '" + key + "' must have at most 15 digits and 9 decimals");
    }
  }

  private static void require(Object value, String source, String key) {
    if (value == null) throw new KeeperException(source + ": missing key '" + key + "'");
  }

  private static void address(String value, String source, String key, boolean required) {
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

  private static void positive(Long value, String source, String key) {
    if (value != null && value <= 0) throw new KeeperException(source + ": '" + key + "' must be positive");
  }

  private static void nonNegative(Long value, String source, String key) {
    if (value != null && value < 0) throw new KeeperException(source + ": '" + key + "' must not be negative");
  }
}
