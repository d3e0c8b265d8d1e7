package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A user's own Pool calls applied to a local copy of their position, as aave-v3-core v3.0.2 executes them at the
 * market's block timestamp (the reserve's indexes are first updated to it, {@code ReserveLogic.updateState}):
 * {@code supply} ({@code SupplyLogic.executeSupply}), {@code repay} of variable debt ({@code BorrowLogic.executeRepay})
 * and {@code withdraw} ({@code SupplyLogic.executeWithdraw}). Combined with {@link AaveMath} they give the exact
 * health an action will leave at that timestamp. Pure: no I/O.
 */
public final class AaveUserOps {
  private AaveUserOps() {}

  /**
   * {@code Pool.supply(asset, amount, onBehalfOf = user)}: the aToken mints {@code amount.rayDiv(liquidityIndex)}
   * scaled units; a first supply turns the asset on as collateral when {@link #enablesCollateralOnFirstSupply} says
   * so.
   *
   * @param amount underlying token units
   * @throws IllegalArgumentException when the asset is not a reserve
   */
  public static AavePosition supply(AavePosition position, AaveMarket market, Address asset, BigInteger amount) {
    AaveReserve r = market.reserveOf(asset);
    UserReserve u = position.reserve(r.id());
    BigInteger minted = WadRayMath.rayDiv(amount, r.normalizedIncome(market.timestamp()));
    UserConfig config = position.config();
    if (u.scaledATokenBalance().signum() == 0 && enablesCollateralOnFirstSupply(position, market, r)) {
      config = config.withCollateral(r.id(), true);
    }
    UserReserve after = new UserReserve(u.scaledATokenBalance().add(minted), u.scaledVariableDebt(),
        u.stableDebtPrincipal(), u.stableRate(), u.stableLastUpdated());
    return with(position, config, r.id(), after);
  }

  /**
   * {@code Pool.repay(asset, amount, 2, onBehalfOf = user)}: pays back {@code min(amount, variable debt)}, burning
   * {@code paid.rayDiv(variableBorrowIndex)} scaled debt; the borrowing flag is cleared when no debt (variable or
   * stable) remains.
   *
   * @param amount underlying token units
   */
  public static AavePosition repayVariable(AavePosition position, AaveMarket market, Address asset, BigInteger amount) {
    AaveReserve r = market.reserveOf(asset);
    UserReserve u = position.reserve(r.id());
    BigInteger index = r.normalizedDebt(market.timestamp());
    BigInteger debt = u.variableDebt(index);
    BigInteger paid = amount.min(debt);
    BigInteger burned = WadRayMath.rayDiv(paid, index);
    BigInteger scaled = u.scaledVariableDebt().subtract(burned).max(BigInteger.ZERO);
    UserConfig config = position.config();
    if (u.stableDebt(market.timestamp()).add(debt).subtract(paid).signum() == 0) {
      config = config.withBorrowing(r.id(), false);
    }
    UserReserve after = new UserReserve(u.scaledATokenBalance(), scaled, u.stableDebtPrincipal(), u.stableRate(),
        u.stableLastUpdated());
    return with(position, config, r.id(), after);
  }

  /**
   * {@code Pool.withdraw(asset, amount, to)} sent by the user: burns {@code amount.rayDiv(liquidityIndex)} scaled
   * aTokens; withdrawing the whole balance turns the asset off as collateral. The health check the Pool makes
   * afterwards is the caller's to do with {@link AaveMath}.
   *
   * @param amount underlying token units, at most the supplied balance
   * @throws IllegalArgumentException when the amount exceeds the balance (the Pool reverts)
   */
  public static AavePosition withdraw(AavePosition position, AaveMarket market, Address asset, BigInteger amount) {
    AaveReserve r = market.reserveOf(asset);
    UserReserve u = position.reserve(r.id());
    BigInteger index = r.normalizedIncome(market.timestamp());
    BigInteger balance = u.aTokenBalance(index);
    if (amount.compareTo(balance) > 0) throw new IllegalArgumentException("withdrawal exceeds the balance " + balance);
    BigInteger scaled = u.scaledATokenBalance().subtract(WadRayMath.rayDiv(amount, index)).max(BigInteger.ZERO);
    UserConfig config = position.config();
    if (amount.equals(balance)) config = config.withCollateral(r.id(), false);
    UserReserve after = new UserReserve(scaled, u.scaledVariableDebt(), u.stableDebtPrincipal(), u.stableRate(),
        u.stableLastUpdated());
    return with(position, config, r.id(), after);
  }

  /**
   * {@code ValidationLogic.validateUseAsCollateral}: a first supply becomes collateral when the asset has an LTV and
   * the user either has no collateral yet, or is not in isolation mode and the asset is not isolated.
   */
  public static boolean enablesCollateralOnFirstSupply(AavePosition position, AaveMarket market, AaveReserve reserve) {
    if (reserve.config().ltv() == 0) return false;
    UserConfig c = position.config();
    int collaterals = 0;
    AaveReserve only = null;
    for (int i = 0; i < c.reserveIdBound(); i++) {
      if (c.isUsingAsCollateral(i)) {
        collaterals++;
        only = market.reserve(i);
      }
    }
    if (collaterals == 0) return true;
    boolean isolationMode = collaterals == 1 && only != null && only.config().isolated();
    return !isolationMode && !reserve.config().isolated();
  }

  private static AavePosition with(AavePosition p, UserConfig config, int id, UserReserve reserve) {
    Map<Integer, UserReserve> reserves = new HashMap<>(p.reserves());
    reserves.put(id, reserve);
    return new AavePosition(p.user(), config, p.eModeCategory(), reserves);
  }
}
