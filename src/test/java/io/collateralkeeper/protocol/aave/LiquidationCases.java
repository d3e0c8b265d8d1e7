package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveLiquidationMath;
import io.collateralkeeper.risk.aave.AaveLiquidationResult;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Picks liquidatable positions covering the branches of {@code LiquidationLogic}: 50% and 100% close factor, e-mode,
 * stable debt, isolated collateral, collateral-capped, aTokens received and a partial cover; one user per case.
 */
final class LiquidationCases {
  /**
   * One liquidation to try.
   *
   * @param fullCover offer uint256 max; else a seventh of the debt
   * @param shows what the prediction must show for the case to be the one it names
   */
  record Case(
      String name, Address user, Address collateral, Address debt, boolean fullCover, boolean receiveAToken,
      Predicate<AaveLiquidationResult.Executed> shows) {}

  private record Candidate(
      AavePosition position, boolean above095, boolean stableDebt, boolean isolated, int collaterals,
      Address largestCollateral, Address smallestCollateral, Address largestDebt) {}

  private final AaveMarket market;
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<Case> cases = new ArrayList<>();

  private LiquidationCases(AaveMarket market) {
    this.market = market;
  }

  /** The cases found among the snapshot's liquidatable positions ({@code isolatedAsset}: the isolated collateral). */
  static List<Case> pick(AaveSnapshot snap, Address isolatedAsset) {
    LiquidationCases c = new LiquidationCases(snap.market());
    for (AavePosition p : snap.positions().values()) c.consider(p, isolatedAsset);
    c.add("50% close factor", Candidate::above095, false, true, false,
        r -> r.closeFactorBps() == 5000
            && r.debtRepaid().compareTo(r.userTotalDebt().shiftRight(1).add(BigInteger.ONE)) <= 0);
    c.add("100% close factor", x -> !x.above095(), false, true, false, r -> r.closeFactorBps() == 10000);
    c.add("e-mode", x -> x.position().eModeCategory() != 0, false, true, false, r -> true);
    c.add("stable debt", Candidate::stableDebt, false, true, false, r -> r.userStableDebt().signum() > 0);
    c.add("isolated", Candidate::isolated, false, true, false, r -> true);
    c.add("collateral capped", x -> x.collaterals() > 1 && !x.above095() && c.capped(x), true, true, false,
        AaveLiquidationResult.Executed::collateralExhausted);
    c.add("receive aTokens", x -> true, false, true, true, r -> true);
    c.add("partial cover", x -> true, false, false, false,
        r -> r.debtRepaid().compareTo(r.userTotalDebt().divide(BigInteger.valueOf(6))) < 0);
    return c.cases;
  }

  private void consider(AavePosition p, Address isolatedAsset) {
    AaveAccountData d = AaveMath.accountData(p, market);
    Address coll = collateral(p, market, true);
    Address debt = largestDebt(p, market);
    if (!d.liquidatable() || coll == null || debt == null) return;
    int collaterals = (int) p.reserves().keySet().stream().filter(id -> p.config().isUsingAsCollateral(id)).count();
    candidates.add(
        new Candidate(
            p,
            d.healthFactor().compareTo(AaveLiquidationMath.CLOSE_FACTOR_HF_THRESHOLD) > 0,
            p.reserve(market.reserveOf(debt).id()).stableDebtPrincipal().signum() > 0,
            coll.equals(isolatedAsset),
            collaterals,
            coll,
            collateral(p, market, false),
            debt));
  }

  private void add(
      String name, Predicate<Candidate> fits, boolean smallest, boolean fullCover, boolean aTokens,
      Predicate<AaveLiquidationResult.Executed> shows) {
    for (Candidate c : candidates) {
      Address user = c.position().user();
      if (cases.stream().anyMatch(k -> k.user().equals(user)) || !fits.test(c)) continue;
      Address coll = smallest ? c.smallestCollateral() : c.largestCollateral();
      cases.add(new Case(name, user, coll, c.largestDebt(), fullCover, aTokens, shows));
      return;
    }
  }

  /** True when liquidating all the close factor allows against the smallest collateral takes all of it. */
  private boolean capped(Candidate c) {
    AaveLiquidationResult r =
        AaveLiquidationMath.liquidationCall(
            c.position(), market, c.smallestCollateral(), c.largestDebt(), Units.MAX_UINT256, false);
    return r instanceof AaveLiquidationResult.Executed e && e.collateralExhausted();
  }

  /** The enabled collateral worth the most (or least), or null when none. */
  static Address collateral(AavePosition p, AaveMarket market, boolean largest) {
    Address best = null;
    BigInteger bestValue = null;
    for (var e : p.reserves().entrySet()) {
      AaveReserve r = market.reserve(e.getKey());
      if (r == null || !p.config().isUsingAsCollateral(r.id()) || r.config().liquidationThreshold() == 0) continue;
      BigInteger amount = e.getValue().aTokenBalance(r.normalizedIncome(market.timestamp()));
      BigInteger value = amount.multiply(market.price(r.asset())).divide(r.config().unit());
      if (value.signum() == 0) continue;
      if (bestValue == null || (largest ? value.compareTo(bestValue) > 0 : value.compareTo(bestValue) < 0)) {
        best = r.asset();
        bestValue = value;
      }
    }
    return best;
  }

  /** The borrowed asset worth the most, or null when none. */
  static Address largestDebt(AavePosition p, AaveMarket market) {
    Address best = null;
    BigInteger bestValue = BigInteger.ZERO;
    long t = market.timestamp();
    for (var e : p.reserves().entrySet()) {
      AaveReserve r = market.reserve(e.getKey());
      if (r == null || !p.config().isBorrowing(r.id())) continue;
      BigInteger debt = e.getValue().variableDebt(r.normalizedDebt(t)).add(e.getValue().stableDebt(t));
      BigInteger value = debt.multiply(market.price(r.asset())).divide(r.config().unit());
      if (value.compareTo(bestValue) > 0) {
        best = r.asset();
        bestValue = value;
      }
    }
    return best;
  }
}
