package io.collateralkeeper.strategy.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choice among sized options: order, limits, nothing possible, surplus. */
class ProtectPlannerTest {
  private static final Band BAND = new Band(h("1.2"), h("1.5"), Optional.of(h("3")));
  private static final Address USDC = Address.of("0x00000000000000000000000000000000000000c0");

  @Test
  void holdsWithinTheBand() {
    assertThat(ProtectPlanner.decide(h("1.3"), BAND, List.of(ActionKind.TOP_UP), k -> List.of()))
        .isInstanceOf(ProtectDecision.Hold.class);
  }

  @Test
  void takesTheFirstActionInTheUsersOrderThatReachesTheTarget() {
    ProtectOption topUp = option(ActionKind.TOP_UP, "1.1", "1.5", true);
    ProtectOption reduce = option(ActionKind.REDUCE, "1.1", "1.6", true);
    var d = ProtectPlanner.decide(h("1.1"), BAND, List.of(ActionKind.REDUCE, ActionKind.TOP_UP),
        Map.of(ActionKind.TOP_UP, List.of(topUp), ActionKind.REDUCE, List.of(reduce))::get);
    assertThat(d).isInstanceOf(ProtectDecision.Act.class);
    assertThat(((ProtectDecision.Act) d).option()).isEqualTo(reduce);
    assertThat(((ProtectDecision.Act) d).shortOfTarget()).isFalse();
  }

  @Test
  void skipsACappedTopUpForAnActionThatReachesTheTarget() {
    ProtectOption capped = option(ActionKind.TOP_UP, "1.1", "1.3", false);
    ProtectOption reduce = option(ActionKind.REDUCE, "1.1", "1.5", true);
    var d = ProtectPlanner.decide(h("1.1"), BAND, List.of(ActionKind.TOP_UP, ActionKind.REDUCE),
        Map.of(ActionKind.TOP_UP, List.of(capped), ActionKind.REDUCE, List.of(reduce))::get);
    assertThat(((ProtectDecision.Act) d).option()).isEqualTo(reduce);
    assertThat(((ProtectDecision.Act) d).considered()).containsExactly(capped, reduce);
  }

  @Test
  void fallsBackToTheBestPartialActionWhenNothingReachesTheTarget() {
    ProtectOption small = option(ActionKind.TOP_UP, "1.1", "1.15", false);
    ProtectOption larger = option(ActionKind.TOP_UP, "1.1", "1.3", false);
    var d = ProtectPlanner.decide(h("1.1"), BAND, List.of(ActionKind.TOP_UP), k -> List.of(small, larger));
    assertThat(((ProtectDecision.Act) d).option()).isEqualTo(larger);
    assertThat(((ProtectDecision.Act) d).shortOfTarget()).isTrue();
  }

  @Test
  void cannotActWhenEveryLimitIsExhausted() {
    ProtectOption none = new ProtectOption(ActionKind.TOP_UP, 0, Optional.of(USDC), "USDC", BigInteger.ZERO,
        Optional.of(BigInteger.TEN), BigInteger.ZERO, h("1.1"), h("1.1"), false);
    var d = ProtectPlanner.decide(h("1.1"), BAND, List.of(ActionKind.TOP_UP), k -> List.of(none));
    assertThat(d).isInstanceOf(ProtectDecision.CannotAct.class);
    assertThat(((ProtectDecision.CannotAct) d).reason()).contains("below min 1.2000");
  }

  @Test
  void withdrawsSurplusAboveMax() {
    ProtectOption w = new ProtectOption(ActionKind.WITHDRAW, 0, Optional.of(USDC), "USDC", BigInteger.TEN,
        Optional.empty(), BigInteger.ZERO, h("4"), h("1.5"), true);
    var d = ProtectPlanner.decide(h("4"), BAND, List.of(ActionKind.TOP_UP), k -> k == ActionKind.WITHDRAW ? List.of(w) : List.of());
    assertThat(((ProtectDecision.Act) d).option()).isEqualTo(w);
  }

  @Test
  void neverWithdrawsFromAnAccountWithNothingAtRisk() {
    var d = ProtectPlanner.decide(io.collateralkeeper.risk.Units.MAX_UINT256, BAND, List.of(ActionKind.TOP_UP),
        k -> { throw new AssertionError("nothing to size"); });
    assertThat(d).isInstanceOf(ProtectDecision.Hold.class);
  }

  @Test
  void spendAllowanceTakesTheTightestBound() {
    AssetLimits limits = new AssetLimits(USDC, "USDC", 6, Optional.of(BigInteger.valueOf(500)),
        Optional.of(BigInteger.valueOf(1_000)), BigInteger.valueOf(100));
    assertThat(SpendAllowance.of(limits, BigInteger.valueOf(10_000), BigInteger.ZERO))
        .isEqualTo(new SpendAllowance(BigInteger.valueOf(500), SpendAllowance.Bound.MAX_PER_ACTION));
    assertThat(SpendAllowance.of(limits, BigInteger.valueOf(10_000), BigInteger.valueOf(800)))
        .isEqualTo(new SpendAllowance(BigInteger.valueOf(200), SpendAllowance.Bound.MAX_PER_DAY));
    assertThat(SpendAllowance.of(limits, BigInteger.valueOf(350), BigInteger.ZERO))
        .isEqualTo(new SpendAllowance(BigInteger.valueOf(250), SpendAllowance.Bound.WALLET));
    assertThat(SpendAllowance.of(limits, BigInteger.valueOf(50), BigInteger.ZERO).amount()).isZero();
    assertThat(SpendAllowance.of(limits, BigInteger.valueOf(10_000), BigInteger.valueOf(1_200)).amount()).isZero();
  }

  private static ProtectOption option(ActionKind kind, String before, String after, boolean reaches) {
    return new ProtectOption(kind, 0, kind.spends() ? Optional.of(USDC) : Optional.empty(), kind.key(), BigInteger.ONE,
        Optional.empty(), kind.spends() ? BigInteger.ONE : BigInteger.ZERO, h(before), h(after), reaches);
  }

  private static BigInteger h(String health) {
    return new java.math.BigDecimal(health).movePointRight(18).toBigIntegerExact();
  }
}
