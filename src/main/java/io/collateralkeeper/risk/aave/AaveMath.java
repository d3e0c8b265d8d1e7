package io.collateralkeeper.risk.aave;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * A user's collateral, debt and health factor computed locally, operation for operation as
 * {@code GenericLogic.calculateUserAccountData} and {@code PoolLogic.executeGetUserAccountData} (aave-v3-core
 * v3.0.2) compute them inside {@code Pool.getUserAccountData}: indexes and stable debt accrue to the market's block
 * timestamp as {@code ReserveLogic}, {@code MathUtils} and {@code StableDebtToken.balanceOf} do, and every rounding
 * step is the contract's. Pure: no I/O.
 */
public final class AaveMath {
  private AaveMath() {}

  /**
   * {@code Pool.getUserAccountData(user)} at the market's block.
   *
   * @param position the user's configuration, e-mode and balances (for every reserve its config marks)
   * @param market reserves, prices, e-mode categories and block timestamp
   * @return the six values of {@code getUserAccountData} plus the zero-LTV flag, equal to the contract's to the wei
   * @throws IllegalArgumentException when a price or the user's e-mode category is missing from {@code market}
   * @throws ArithmeticException where the contract would revert on overflow
   */
  public static AaveAccountData accountData(AavePosition position, AaveMarket market) {
    UserConfig config = position.config();
    if (config.isEmpty()) return AaveAccountData.EMPTY;
    int userEMode = position.eModeCategory();
    BigInteger eModeLtv = BigInteger.ZERO;
    BigInteger eModeThreshold = BigInteger.ZERO;
    BigInteger eModePrice = BigInteger.ZERO;
    if (userEMode != 0) {
      EModeCategory category = market.eMode(userEMode);
      eModeLtv = BigInteger.valueOf(category.ltv());
      eModeThreshold = BigInteger.valueOf(category.liquidationThreshold());
      if (category.hasPriceSource()) eModePrice = market.price(category.priceSource());
    }
    BigInteger totalCollateral = BigInteger.ZERO;
    BigInteger totalDebt = BigInteger.ZERO;
    BigInteger avgLtv = BigInteger.ZERO;
    BigInteger avgThreshold = BigInteger.ZERO;
    boolean hasZeroLtvCollateral = false;
    for (int i = 0; i < config.reserveIdBound(); i++) {
      if (!config.isUsingAsCollateralOrBorrowing(i)) continue;
      AaveReserve reserve = market.reserve(i);
      if (reserve == null) continue;
      ReserveConfig rc = reserve.config();
      BigInteger unit = rc.unit();
      BigInteger price =
          eModePrice.signum() != 0 && userEMode == rc.eModeCategory() ? eModePrice : market.price(reserve.asset());
      UserReserve balances = position.reserve(i);
      if (rc.liquidationThreshold() != 0 && config.isUsingAsCollateral(i)) {
        BigInteger value =
            Uint256.mul(balances.aTokenBalance(reserve.normalizedIncome(market.timestamp())), price).divide(unit);
        totalCollateral = Uint256.add(totalCollateral, value);
        boolean inEMode = isInEModeCategory(userEMode, rc.eModeCategory());
        if (rc.ltv() != 0) {
          avgLtv = Uint256.add(avgLtv, Uint256.mul(value, inEMode ? eModeLtv : BigInteger.valueOf(rc.ltv())));
        } else {
          hasZeroLtvCollateral = true;
        }
        BigInteger threshold = inEMode ? eModeThreshold : BigInteger.valueOf(rc.liquidationThreshold());
        avgThreshold = Uint256.add(avgThreshold, Uint256.mul(value, threshold));
      }
      if (config.isBorrowing(i)) {
        totalDebt = Uint256.add(totalDebt, debtInBaseCurrency(balances, reserve, market.timestamp(), price, unit));
      }
    }
    if (totalCollateral.signum() != 0) {
      avgLtv = avgLtv.divide(totalCollateral);
      avgThreshold = avgThreshold.divide(totalCollateral);
    } else {
      avgLtv = BigInteger.ZERO;
      avgThreshold = BigInteger.ZERO;
    }
    BigInteger health =
        totalDebt.signum() == 0
            ? Units.MAX_UINT256
            : WadRayMath.wadDiv(PercentageMath.percentMul(totalCollateral, avgThreshold), totalDebt);
    BigInteger borrowable = PercentageMath.percentMul(totalCollateral, avgLtv);
    BigInteger available = borrowable.compareTo(totalDebt) < 0 ? BigInteger.ZERO : borrowable.subtract(totalDebt);
    return new AaveAccountData(
        totalCollateral, totalDebt, available, avgThreshold, avgLtv, health, hasZeroLtvCollateral);
  }

  /**
   * {@code GenericLogic._getUserDebtInBaseCurrency}: (variable debt + stable debt) x price / 10^decimals.
   *
   * @return base currency units
   */
  static BigInteger debtInBaseCurrency(
      UserReserve balances, AaveReserve reserve, long timestamp, BigInteger price, BigInteger unit) {
    BigInteger debt = BigInteger.ZERO;
    if (balances.scaledVariableDebt().signum() != 0) debt = balances.variableDebt(reserve.normalizedDebt(timestamp));
    debt = Uint256.add(debt, balances.stableDebt(timestamp));
    return Uint256.mul(price, debt).divide(unit);
  }

  /** {@code EModeLogic.isInEModeCategory}. */
  static boolean isInEModeCategory(int userCategory, int assetCategory) {
    return userCategory != 0 && assetCategory == userCategory;
  }
}
