package io.collateralkeeper.strategy.aave;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveLiquidationMath;
import io.collateralkeeper.risk.aave.AaveLiquidationResult;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.PercentageMath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sizes Aave V3 liquidations. Pure: every (collateral, debt) pair the account holds, at the close factor's maximum
 * and at one half and one quarter of it (a smaller sale can beat a larger one when the DEX pool is shallow), each
 * computed with {@link AaveLiquidationMath} exactly as the Pool would; then, once the caller has quoted the sale of
 * each option's seized collateral, the option with the largest profit in USD.
 *
 * <p>Profit of an option, in debt-asset units: DEX proceeds of the seized collateral − debt repaid − flash-loan
 * premium (0 with inventory funding). In USD wad: {@code profit x price x 1e10 / 10^decimals} with the AaveOracle
 * price (base currency USD, 8 decimals).
 */
public final class AaveLiquidationPlanner {
  private static final int[] FRACTIONS_BPS = {10_000, 5_000, 2_500};

  private final boolean receiveAToken;
  private final long flashPremiumBps;

  /**
   * @param receiveAToken whether the liquidator takes aTokens (inventory funding only)
   * @param flashPremiumBps the Pool's {@code FLASHLOAN_PREMIUM_TOTAL} when funding with a flash loan, else 0
   */
  public AaveLiquidationPlanner(boolean receiveAToken, long flashPremiumBps) {
    this.receiveAToken = receiveAToken;
    this.flashPremiumBps = flashPremiumBps;
  }

  /** Every executable option for the account (empty when it is not liquidatable). */
  public List<AaveLiquidationOption> options(AavePosition position, AaveMarket market) {
    List<AaveLiquidationOption> out = new ArrayList<>();
    for (AaveReserve debt : market.reserves().values()) {
      if (!position.config().isBorrowing(debt.id())) continue;
      for (AaveReserve coll : market.reserves().values()) {
        if (!position.config().isUsingAsCollateral(coll.id())) continue;
        AaveLiquidationResult full =
            AaveLiquidationMath.liquidationCall(position, market, coll.asset(), debt.asset(), Units.MAX_UINT256, receiveAToken);
        if (!(full instanceof AaveLiquidationResult.Executed max)) continue;
        for (int f : FRACTIONS_BPS) {
          BigInteger cover = f == 10_000 ? max.debtRepaid() : max.debtRepaid().multiply(BigInteger.valueOf(f)).divide(Units.BPS);
          if (cover.signum() <= 0) continue;
          AaveLiquidationResult r =
              f == 10_000 ? max : AaveLiquidationMath.liquidationCall(position, market, coll.asset(), debt.asset(), cover, receiveAToken);
          if (r instanceof AaveLiquidationResult.Executed e && e.collateralToLiquidator().signum() > 0) {
            out.add(new AaveLiquidationOption(coll.asset(), debt.asset(), cover, e));
          }
        }
      }
    }
    return out;
  }

  /** The flash-loan premium on {@code amount}, as the Pool computes it ({@code percentMul}); 0 for inventory. */
  public BigInteger premium(BigInteger amount) {
    return flashPremiumBps == 0 ? BigInteger.ZERO : PercentageMath.percentMul(amount, (int) flashPremiumBps);
  }

  /**
   * Profit of an option given the DEX proceeds of its seized collateral, debt-asset units (negative when it loses).
   *
   * @param proceeds debt-asset units the sale of {@code outcome().collateralToLiquidator()} returns
   */
  public BigInteger profit(AaveLiquidationOption option, BigInteger proceeds) {
    return proceeds.subtract(option.outcome().debtRepaid()).subtract(premium(option.outcome().debtRepaid()));
  }

  /** {@code amount} of {@code asset} in USD wad at the market's oracle price. */
  public static BigInteger usdWad(AaveMarket market, Address asset, BigInteger amount) {
    AaveReserve r = market.reserveOf(asset);
    return amount.multiply(market.price(asset)).multiply(BigInteger.TEN.pow(10)).divide(r.config().unit());
  }

  /** {@code usdWad} in raw units of {@code asset}, rounded up (the inverse of {@link #usdWad}). */
  public static BigInteger fromUsdWad(AaveMarket market, Address asset, BigInteger usdWad) {
    AaveReserve r = market.reserveOf(asset);
    BigInteger den = market.price(asset).multiply(BigInteger.TEN.pow(10));
    BigInteger[] qr = usdWad.multiply(r.config().unit()).divideAndRemainder(den);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  /**
   * The best option by USD profit.
   *
   * @param proceeds per option (same order), DEX proceeds in debt-asset units, empty when no sale path exists
   */
  public Optional<Chosen> best(AaveMarket market, List<AaveLiquidationOption> options, List<Optional<BigInteger>> proceeds) {
    Chosen best = null;
    for (int i = 0; i < options.size(); i++) {
      if (proceeds.get(i).isEmpty()) continue;
      AaveLiquidationOption o = options.get(i);
      BigInteger profit = profit(o, proceeds.get(i).get());
      BigInteger usd = usdWad(market, o.debtAsset(), profit); // truncates toward zero for a loss
      if (best == null || usd.compareTo(best.profitUsdWad()) > 0) best = new Chosen(o, i, profit, usd);
    }
    return Optional.ofNullable(best);
  }

  /**
   * The chosen option.
   *
   * @param option the option
   * @param index its index in the options list
   * @param profit profit, debt-asset units
   * @param profitUsdWad profit, USD wad
   */
  public record Chosen(AaveLiquidationOption option, int index, BigInteger profit, BigInteger profitUsdWad) {}
}
