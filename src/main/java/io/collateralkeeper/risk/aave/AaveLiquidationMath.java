package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * The outcome of {@code Pool.liquidationCall(collateral, debt, user, debtToCover, receiveAToken)} computed locally,
 * step for step as {@code LiquidationLogic.executeLiquidationCall} (aave-v3-core v3.0.2): {@code _calculateDebt} with
 * the close factor (50%, or 100% at a health factor of 0.95 or below), {@code ValidationLogic.validateLiquidationCall},
 * {@code _getConfigurationData} (e-mode bonus and price source), {@code _calculateAvailableCollateralToLiquidate}
 * with the liquidation protocol fee, the token burns' non-zero and balance checks, and the protocol fee's cap at the
 * user's remaining scaled balance. Assumes no {@code PriceOracleSentinel} is configured (the devnet and most L1
 * markets have none). Pure: no I/O.
 */
public final class AaveLiquidationMath {
  /** {@code DEFAULT_LIQUIDATION_CLOSE_FACTOR}: 50%, bps. */
  public static final int DEFAULT_CLOSE_FACTOR_BPS = 5_000;
  /** {@code MAX_LIQUIDATION_CLOSE_FACTOR}: 100%, bps. */
  public static final int MAX_CLOSE_FACTOR_BPS = 10_000;
  /** {@code CLOSE_FACTOR_HF_THRESHOLD}: 0.95, wad. */
  public static final BigInteger CLOSE_FACTOR_HF_THRESHOLD = new BigInteger("950000000000000000");

  private AaveLiquidationMath() {}

  /**
   * What {@code liquidationCall} would do at the market's block. Pass {@link Units#MAX_UINT256} as
   * {@code debtToCover} to liquidate as much as the close factor allows.
   *
   * @param debtToCover debt asset the liquidator offers to repay, raw units
   * @param receiveAToken whether the liquidator takes aTokens instead of the underlying
   * @return the amounts moved, or the revert the pool would raise
   * @throws IllegalArgumentException when a price or e-mode category the computation needs is missing
   */
  public static AaveLiquidationResult liquidationCall(
      AavePosition position,
      AaveMarket market,
      Address collateralAsset,
      Address debtAsset,
      BigInteger debtToCover,
      boolean receiveAToken) {
    Uint256.requireUint(debtToCover, "debtToCover");
    AaveReserve debt = market.findReserve(debtAsset).orElse(null);
    AaveReserve collateral = market.findReserve(collateralAsset).orElse(null);
    if (debt == null || collateral == null) return new AaveLiquidationResult.Reverted("", "asset is not a reserve");
    try {
      return execute(position, market, collateral, debt, debtToCover, receiveAToken);
    } catch (ArithmeticException e) {
      return new AaveLiquidationResult.Reverted("", "arithmetic revert: " + e.getMessage());
    }
  }

  /** The close factor that applies at a health factor ({@code _calculateDebt}), bps. */
  public static int closeFactorBps(BigInteger healthFactor) {
    return healthFactor.compareTo(CLOSE_FACTOR_HF_THRESHOLD) > 0 ? DEFAULT_CLOSE_FACTOR_BPS : MAX_CLOSE_FACTOR_BPS;
  }

  private static AaveLiquidationResult execute(
      AavePosition position,
      AaveMarket market,
      AaveReserve collateral,
      AaveReserve debt,
      BigInteger debtToCover,
      boolean receiveAToken) {
    long now = market.timestamp();
    BigInteger health = AaveMath.accountData(position, market).healthFactor();

    UserReserve debtBalances = position.reserve(debt.id());
    BigInteger debtIndex = debt.normalizedDebt(now);
    BigInteger stableDebt = debtBalances.stableDebt(now);
    BigInteger variableDebt = debtBalances.variableDebt(debtIndex);
    BigInteger totalDebt = Uint256.add(stableDebt, variableDebt);
    int closeFactor = closeFactorBps(health);
    BigInteger maxDebt = PercentageMath.percentMul(totalDebt, closeFactor);
    BigInteger actualDebt = debtToCover.min(maxDebt);

    AaveLiquidationResult.Reverted invalid = validate(position, collateral, debt, health, totalDebt);
    if (invalid != null) return invalid;

    PriceSources sources = priceSources(position, market, collateral, debt);
    UserReserve collBalances = position.reserve(collateral.id());
    BigInteger collIndex = collateral.normalizedIncome(now);
    BigInteger userCollateral = collBalances.aTokenBalance(collIndex);

    Amounts amounts =
        availableCollateral(
            collateral.config(),
            debt.config(),
            market.price(sources.collateral()),
            market.price(sources.debt()),
            actualDebt,
            userCollateral,
            sources.bonus());
    boolean debtFullyRepaid = totalDebt.equals(amounts.debt());
    boolean collateralExhausted = amounts.collateral().add(amounts.fee()).equals(userCollateral);

    AaveLiquidationResult.Reverted burnFailure = checkDebtBurn(debtBalances, variableDebt, amounts.debt(), debtIndex);
    if (burnFailure != null) return burnFailure;

    BigInteger scaledColl = collBalances.scaledATokenBalance();
    BigInteger scaledMoved = WadRayMath.rayDiv(amounts.collateral(), collIndex);
    if (!receiveAToken && scaledMoved.signum() == 0) return burnReverted();
    if (scaledMoved.compareTo(scaledColl) > 0) return underflow("collateral aToken balance");
    BigInteger fee = amounts.fee();
    if (fee.signum() != 0) {
      BigInteger scaledLeft = scaledColl.subtract(scaledMoved);
      if (WadRayMath.rayDiv(fee, collIndex).compareTo(scaledLeft) > 0) fee = WadRayMath.rayMul(scaledLeft, collIndex);
      if (WadRayMath.rayDiv(fee, collIndex).compareTo(scaledLeft) > 0) return underflow("protocol fee transfer");
    }
    return new AaveLiquidationResult.Executed(
        health,
        closeFactor,
        variableDebt,
        stableDebt,
        userCollateral,
        amounts.debt(),
        amounts.collateral(),
        fee,
        debtFullyRepaid,
        collateralExhausted);
  }

  /** {@code ValidationLogic.validateLiquidationCall}, without a price oracle sentinel; null when valid. */
  private static AaveLiquidationResult.Reverted validate(
      AavePosition position, AaveReserve collateral, AaveReserve debt, BigInteger health, BigInteger totalDebt) {
    if (!collateral.config().active() || !debt.config().active()) {
      return new AaveLiquidationResult.Reverted("27", "reserve inactive");
    }
    if (collateral.config().paused() || debt.config().paused()) {
      return new AaveLiquidationResult.Reverted("29", "reserve paused");
    }
    if (health.compareTo(Units.WAD) >= 0) {
      return new AaveLiquidationResult.Reverted("45", "health factor not below 1");
    }
    if (collateral.config().liquidationThreshold() == 0
        || !position.config().isUsingAsCollateral(collateral.id())) {
      return new AaveLiquidationResult.Reverted("46", "collateral cannot be liquidated");
    }
    if (totalDebt.signum() == 0) {
      return new AaveLiquidationResult.Reverted("47", "user does not borrow the debt asset");
    }
    return null;
  }

  /**
   * {@code _burnDebtTokens}: the variable part burns {@code rayDiv(amount, index)} scaled units, which must be
   * non-zero and within the user's scaled balance; null when it succeeds.
   */
  private static AaveLiquidationResult.Reverted checkDebtBurn(
      UserReserve balances, BigInteger variableDebt, BigInteger debtRepaid, BigInteger debtIndex) {
    BigInteger variableBurn;
    if (variableDebt.compareTo(debtRepaid) >= 0) {
      variableBurn = debtRepaid;
    } else if (variableDebt.signum() != 0) {
      variableBurn = variableDebt; // the rest is burnt from stable debt, which has no such checks
    } else {
      return null;
    }
    BigInteger scaled = WadRayMath.rayDiv(variableBurn, debtIndex);
    if (scaled.signum() == 0) return burnReverted();
    if (scaled.compareTo(balances.scaledVariableDebt()) > 0) return underflow("variable debt balance");
    return null;
  }

  private record PriceSources(Address collateral, Address debt, int bonus) {}

  /** {@code _getConfigurationData}: e-mode bonus and price source overrides. */
  private static PriceSources priceSources(
      AavePosition position, AaveMarket market, AaveReserve collateral, AaveReserve debt) {
    int bonus = collateral.config().liquidationBonus();
    Address collateralSource = collateral.asset();
    Address debtSource = debt.asset();
    int userEMode = position.eModeCategory();
    if (userEMode != 0) {
      EModeCategory category = market.eMode(userEMode);
      if (AaveMath.isInEModeCategory(userEMode, collateral.config().eModeCategory())) {
        bonus = category.liquidationBonus();
        if (category.hasPriceSource()) collateralSource = category.priceSource();
      }
      if (category.hasPriceSource()) debtSource = category.priceSource();
    }
    return new PriceSources(collateralSource, debtSource, bonus);
  }

  /** Collateral to the liquidator, debt repaid and protocol fee, raw units. */
  record Amounts(BigInteger collateral, BigInteger debt, BigInteger fee) {}

  /**
   * {@code _calculateAvailableCollateralToLiquidate}: the collateral worth {@code debtToCover} plus the bonus, capped
   * at the user's balance (then the debt is scaled down to match); the protocol's share of the bonus comes out of
   * the collateral.
   *
   * @param collateralPrice oracle price of the collateral price source, base currency
   * @param debtPrice oracle price of the debt price source, base currency
   * @param debtToCover debt after the close factor, raw debt units
   * @param userCollateral the user's aToken balance, raw collateral units
   * @param bonus liquidation bonus, bps (10500 = +5%)
   */
  static Amounts availableCollateral(
      ReserveConfig collateral,
      ReserveConfig debt,
      BigInteger collateralPrice,
      BigInteger debtPrice,
      BigInteger debtToCover,
      BigInteger userCollateral,
      int bonus) {
    BigInteger collUnit = collateral.unit();
    BigInteger debtUnit = debt.unit();
    BigInteger baseCollateral =
        Uint256.mul(Uint256.mul(debtPrice, debtToCover), collUnit).divide(Uint256.mul(collateralPrice, debtUnit));
    BigInteger maxCollateral = PercentageMath.percentMul(baseCollateral, bonus);
    BigInteger collateralAmount;
    BigInteger debtNeeded;
    if (maxCollateral.compareTo(userCollateral) > 0) {
      collateralAmount = userCollateral;
      BigInteger value =
          Uint256.mul(Uint256.mul(collateralPrice, collateralAmount), debtUnit)
              .divide(Uint256.mul(debtPrice, collUnit));
      debtNeeded = PercentageMath.percentDiv(value, bonus);
    } else {
      collateralAmount = maxCollateral;
      debtNeeded = debtToCover;
    }
    int feeBps = collateral.liquidationProtocolFee();
    if (feeBps == 0) return new Amounts(collateralAmount, debtNeeded, BigInteger.ZERO);
    BigInteger bonusCollateral = Uint256.sub(collateralAmount, PercentageMath.percentDiv(collateralAmount, bonus));
    BigInteger fee = PercentageMath.percentMul(bonusCollateral, feeBps);
    return new Amounts(Uint256.sub(collateralAmount, fee), debtNeeded, fee);
  }

  private static AaveLiquidationResult.Reverted burnReverted() {
    return new AaveLiquidationResult.Reverted("25", "invalid burn amount (rounds to zero scaled units)");
  }

  private static AaveLiquidationResult.Reverted underflow(String what) {
    return new AaveLiquidationResult.Reverted("", "arithmetic underflow: " + what);
  }
}
