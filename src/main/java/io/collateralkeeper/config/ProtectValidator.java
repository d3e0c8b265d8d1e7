package io.collateralkeeper.config;

import static io.collateralkeeper.config.StrategyValidator.address;
import static io.collateralkeeper.config.StrategyValidator.decimal;
import static io.collateralkeeper.config.StrategyValidator.oneOf;
import static io.collateralkeeper.config.StrategyValidator.positive;
import static io.collateralkeeper.config.StrategyValidator.require;
import static io.collateralkeeper.config.StrategyValidator.shown;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a strategy's {@code protect} section: accounts and bands, actions, assets and limits, the auto target. */
final class ProtectValidator {
  private ProtectValidator() {}

  static void validate(StrategyConfig c, String source) {
    StrategyConfig.Protect p = c.protect();
    if (p.accounts() == null || p.accounts().isEmpty()) {
      throw new KeeperException(source + ": 'protect.accounts' lists no account");
    }
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < p.accounts().size(); i++) {
      String key = "protect.accounts[" + i + "]";
      StrategyConfig.ProtectAccount a = p.accounts().get(i);
      if (a == null) throw new KeeperException(source + ": '" + key + "' is empty");
      address(a.address(), source, key + ".address", true);
      if (!seen.add(Address.of(a.address()))) {
        throw new KeeperException(source + ": '" + key + ".address' lists " + a.address() + " twice");
      }
      band(a, source, key);
    }
    boolean vault = c.protocol() instanceof StrategyConfig.ReferenceVault;
    List<String> actions = p.actions() == null ? List.of() : p.actions();
    Set<String> distinct = new HashSet<>();
    for (String action : actions) {
      oneOf(action, source, "protect.actions", "top-up", "repay", "reduce");
      if (!distinct.add(action)) throw new KeeperException(source + ": 'protect.actions' lists " + action + " twice");
      if (vault && "repay".equals(action)) {
        throw new KeeperException(source + ": 'protect.actions': repay applies to aave-v3 (the vault has no debt to repay)");
      }
      if (!vault && "reduce".equals(action)) {
        throw new KeeperException(source + ": 'protect.actions': reduce applies to reference-vault positions only");
      }
    }
    if (p.actions() != null && p.actions().isEmpty()) {
      throw new KeeperException(source + ": 'protect.actions' is empty (default: top-up, then repay or reduce)");
    }
    if (p.assets() != null) {
      Set<Address> tokens = new HashSet<>();
      for (int i = 0; i < p.assets().size(); i++) {
        String key = "protect.assets[" + i + "]";
        StrategyConfig.ProtectAsset asset = p.assets().get(i);
        if (asset == null) throw new KeeperException(source + ": '" + key + "' is empty");
        address(asset.token(), source, key + ".token", true);
        if (!tokens.add(Address.of(asset.token()))) {
          throw new KeeperException(source + ": '" + key + ".token' lists " + asset.token() + " twice");
        }
        amount(asset.maxPerAction(), source, key + ".max-per-action");
        amount(asset.maxPerDay(), source, key + ".max-per-day");
        amount(asset.minWalletBalance(), source, key + ".min-wallet-balance");
      }
    }
    boolean spends = p.actions() == null || actions.contains("top-up") || actions.contains("repay");
    if (spends && (p.assets() == null || p.assets().isEmpty())) {
      throw new KeeperException(source + ": 'protect.assets' must list the tokens top-ups and repayments may spend");
    }
    if (p.maxGasPriceGwei() != null && p.maxGasPriceGwei().signum() <= 0) {
      throw new KeeperException(source + ": 'protect.max-gas-price-gwei' must be positive");
    }
    decimal(p.maxGasPriceGwei(), source, "protect.max-gas-price-gwei");
    amount(p.minNativeBalance(), source, "protect.min-native-balance");
    if (p.auto() != null) auto(p.auto(), source);
  }

  private static void band(StrategyConfig.ProtectAccount a, String source, String key) {
    require(a.min(), source, key + ".min");
    decimal(a.min(), source, key + ".min");
    if (a.min().compareTo(BigDecimal.ONE) < 0) throw new KeeperException(source + ": '" + key + ".min' must be at least 1.0");
    require(a.target(), source, key + ".target");
    BigDecimal target = null;
    if (!a.autoTarget()) {
      try {
        target = new BigDecimal(a.target().trim());
      } catch (NumberFormatException e) {
        throw new KeeperException(
            source + ": '" + key + ".target' must be a number or auto, not '" + shown(a.target()) + "'");
      }
      decimal(target, source, key + ".target");
      if (target.compareTo(a.min()) < 0) throw new KeeperException(source + ": '" + key + ".target' is below its min");
    }
    if (a.max() != null) {
      decimal(a.max(), source, key + ".max");
      BigDecimal floor = target == null ? a.min() : target;
      if (a.max().compareTo(floor) <= 0) {
        throw new KeeperException(source + ": '" + key + ".max' must be above its " + (target == null ? "min" : "target"));
      }
    }
  }

  private static void auto(StrategyConfig.Auto auto, String source) {
    positive(auto.horizonMinutes(), source, "protect.auto.horizon-minutes");
    if (auto.confidence() != null
        && (auto.confidence().compareTo(new BigDecimal("0.5")) <= 0 || auto.confidence().compareTo(BigDecimal.ONE) >= 0)) {
      throw new KeeperException(source + ": 'protect.auto.confidence' must be between 0.5 and 1 (e.g. 0.99)");
    }
    if (auto.floor() != null && auto.floor().compareTo(BigDecimal.ONE) < 0) {
      throw new KeeperException(source + ": 'protect.auto.floor' must be at least 1.0");
    }
    decimal(auto.floor(), source, "protect.auto.floor");
    if (auto.rounds() != null && (auto.rounds() < 3 || auto.rounds() > 2000)) {
      throw new KeeperException(source + ": 'protect.auto.rounds' must be between 3 and 2000");
    }
    if (auto.ewmaLambda() != null
        && (auto.ewmaLambda().signum() <= 0 || auto.ewmaLambda().compareTo(BigDecimal.ONE) >= 0)) {
      throw new KeeperException(source + ": 'protect.auto.ewma-lambda' must be between 0 and 1 (e.g. 0.94)");
    }
    oneOf(auto.measure(), source, "protect.auto.measure", "var", "es");
  }

  private static void amount(BigDecimal value, String source, String key) {
    if (value == null) return;
    if (value.signum() < 0) throw new KeeperException(source + ": '" + key + "' must not be negative");
    if (value.scale() > 18 || value.precision() - value.scale() > 30) {
      throw new KeeperException(source + ": '" + key + "' must have at most 30 digits and 18 decimals");
    }
  }
}
