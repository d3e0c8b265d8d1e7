package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.RoundHistory;
import io.collateralkeeper.protocol.ProtectRequest;
import io.collateralkeeper.protocol.ProtectionAdapter;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.var.Exposure;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.AssetLimits;
import io.collateralkeeper.strategy.protect.Band;
import io.collateralkeeper.strategy.protect.ProtectDecision;
import io.collateralkeeper.strategy.protect.ProtectPlanner;
import io.collateralkeeper.strategy.protect.SpendAllowance;
import io.collateralkeeper.strategy.protect.TargetReport;
import io.collateralkeeper.strategy.protect.VolatilityTarget;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides about one protected account from the adapter's cached state: its health, its band (the fixed one, or the
 * volatility-aware target from the feeds' round history), the allowances left by the limits and the wallet, and the
 * {@link ProtectPlanner}'s choice among the options the adapter sizes. Sends nothing; {@code --explain} prints what it
 * returns.
 */
final class AccountAssessor {
  private final ProtectionAdapter adapter;
  private final ProtectSettings settings;
  private final RoundHistory history;
  private final Address wallet;

  AccountAssessor(ProtectionAdapter adapter, ProtectSettings settings, RoundHistory history, Address wallet) {
    this.adapter = adapter;
    this.settings = settings;
    this.history = history;
    this.wallet = wallet;
  }

  /**
   * @param walletState the wallet's balances now
   * @param spentToday token units already committed today, per token
   * @param block block the adapter's state was read at (round history is read there too)
   */
  AccountStatus assess(ProtectedAccount a, WalletState walletState, Map<Address, BigInteger> spentToday, long block) {
    Map<Address, SpendAllowance> allowances = new LinkedHashMap<>();
    for (AssetLimits l : settings.assets()) {
      allowances.put(l.token(), SpendAllowance.of(l, walletState.balance(l.token()), spentToday.getOrDefault(l.token(), BigInteger.ZERO)));
    }
    Optional<BigInteger> health = adapter.health(a.address());
    List<String> notes = new ArrayList<>();
    if (health.isEmpty()) {
      return new AccountStatus(a, health, Optional.empty(), Optional.empty(), allowances,
          new ProtectDecision.CannotAct("the account could not be read", List.of()), notes);
    }
    Optional<TargetReport> auto = Optional.empty();
    BigInteger target;
    if (a.autoTarget()) {
      auto = autoTarget(a.address(), block, notes);
      target = auto.map(TargetReport::targetWad).orElse(a.min()).max(a.min());
    } else {
      target = a.target().orElseThrow();
    }
    Optional<BigInteger> max = a.max();
    if (max.isPresent() && max.get().compareTo(target) <= 0) {
      notes.add("the target " + Units.formatHealth(target) + " is not below max " + Units.formatHealth(max.get())
          + ": no surplus withdrawal now");
      max = Optional.empty();
    }
    Band band = new Band(a.min(), target, max);
    Optional<String> blocked = adapter.protectionBlocked(a.address());
    ProtectDecision decision;
    if (blocked.isPresent()) {
      notes.add("cannot act now: " + blocked.get());
      decision = health.get().compareTo(band.min()) < 0
          ? new ProtectDecision.CannotAct("health " + Units.formatHealth(health.get()) + " below min but " + blocked.get(), List.of())
          : new ProtectDecision.Hold("in band; " + blocked.get());
    } else {
      Map<Address, BigInteger> amounts = new HashMap<>();
      allowances.forEach((t, s) -> amounts.put(t, s.amount()));
      boolean own = a.address().equals(wallet);
      decision = ProtectPlanner.decide(health.get(), band, settings.order(),
          kind -> adapter.sizeProtection(a.address(), new ProtectRequest(kind, band.target(), settings.tokens(), amounts, own)));
    }
    return new AccountStatus(a, health, Optional.of(band), auto, allowances, decision, notes);
  }

  private Optional<TargetReport> autoTarget(Address account, long block, List<String> notes) {
    Optional<Exposure> exposure = adapter.exposure(account, settings.auto().floorWad());
    if (exposure.isEmpty()) {
      notes.add("no position or debt: nothing at risk, target = min");
      return Optional.empty();
    }
    var rounds = history.read(exposure.get().deltasUsdWad().keySet(), settings.auto().rounds(), block);
    TargetReport r = VolatilityTarget.compute(exposure.get(), rounds, settings.auto());
    if (r.samples() < 2) {
      notes.add("not enough feed history for a volatility estimate (" + r.samples() + " intervals): target = min");
      return Optional.empty();
    }
    return Optional.of(r);
  }

  /** The kinds sized for an account, for explanations. */
  List<ActionKind> order() {
    return settings.order();
  }
}
