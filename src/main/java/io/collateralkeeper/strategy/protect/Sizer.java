package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a health curve into a {@link ProtectOption}: the least amount that reaches the target, capped by what the
 * limits allow (then the option falls short and says so), or for a withdrawal the most that keeps the target. Pure;
 * adapters give it curves built on {@code VaultMath} / {@code AaveMath}.
 */
public final class Sizer {
  /** Upper bound of a search with no limit: 10^36 token units, beyond any real balance. */
  public static final BigInteger UNBOUNDED = BigInteger.TEN.pow(36);

  private Sizer() {}

  /**
   * Sizes an action that raises health with its amount (top-up, repay, reduce).
   *
   * @param kind the action
   * @param slot protocol index (collateral, market or reserve id)
   * @param token token moved from the wallet, empty for a reduction
   * @param label human name
   * @param health health (wad) after acting with an amount; must be monotone non-decreasing
   * @param healthNow health now, wad
   * @param target target health, wad
   * @param reachable the largest amount that makes sense at all (e.g. the debt, the position size; {@link #UNBOUNDED}
   *     for a deposit)
   * @param allowed the largest amount the limits and the wallet allow
   */
  public static ProtectOption raise(
      ActionKind kind, int slot, Optional<Address> token, String label, Function<BigInteger, BigInteger> health,
      BigInteger healthNow, BigInteger target, BigInteger reachable, BigInteger allowed) {
    Optional<BigInteger> needed = AmountSearch.smallestReaching(health, target, reachable);
    BigInteger cap = allowed.min(reachable).max(BigInteger.ZERO);
    BigInteger amount = needed.map(n -> n.min(cap)).orElse(cap);
    BigInteger after = amount.signum() == 0 ? healthNow : health.apply(amount);
    BigInteger spend = kind.spends() ? amount : BigInteger.ZERO;
    return new ProtectOption(kind, slot, token, label, amount, needed, spend, healthNow, after, after.compareTo(target) >= 0);
  }

  /**
   * Sizes a withdrawal: the largest amount up to {@code balance} for which {@code allowed} holds (health stays at or
   * above the target and the protocol's own withdrawal check passes).
   *
   * @param health health (wad) after withdrawing an amount
   * @param allowed whether withdrawing an amount is acceptable; true for small amounts, false beyond a boundary
   */
  public static ProtectOption withdraw(
      int slot, Address token, String label, Function<BigInteger, BigInteger> health, Predicate<BigInteger> allowed,
      BigInteger healthNow, BigInteger target, BigInteger balance) {
    BigInteger amount = AmountSearch.largestKeeping(allowed, balance);
    BigInteger after = amount.signum() == 0 ? healthNow : health.apply(amount);
    return new ProtectOption(ActionKind.WITHDRAW, slot, Optional.of(token), label, amount, Optional.empty(),
        BigInteger.ZERO, healthNow, after, amount.signum() > 0 && after.compareTo(target) >= 0);
  }
}
