package io.collateralkeeper.execution;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * A gas- and MEV-aware bid for one opportunity. Pure: every amount is exact integer wei.
 *
 * <p>With profit {@code P} (before gas, already converted to native wei), gas {@code G} and base fee {@code B}:
 *
 * <ol>
 *   <li>{@code tip = clamp(share x (P - G x B) / G, floor, cap)}: a share of the profit left after the base fee,
 *       at least the market floor (see {@link FeeHistoryFloor}), at most the absolute cap. The cap wins when it is
 *       below the floor.
 *   <li>{@code maxFeePerGas = W + tip}, where {@code W = BaseFeeBound.after(B, blocksAhead)}: the base fee the
 *       transaction can still pay {@code blocksAhead} blocks later.
 *   <li>The bound: the worst-case cost {@code G x maxFeePerGas} (what the transaction is charged at most, whatever
 *       the base fee does before it is included) never exceeds the budget {@code P x (1 - minMargin)}. If it would,
 *       the tip is lowered to fit, down to {@code min(floor, cap)}; if even that does not fit, there is no bid.
 * </ol>
 *
 * So the bid never exceeds the profit: for every {@link Bid}, {@code G x maxFeePerGas <= P x (1 - minMargin) <= P}.
 * The bound holds for the real charge when {@code G} is the transaction's gas limit (the gas it can be charged for);
 * callers pass the limit, not the bare estimate.
 */
public final class BidPolicy {
  private final BidSettings settings;

  /** A policy bidding with {@code settings}. */
  public BidPolicy(BidSettings settings) {
    this.settings = settings;
  }

  /** The settings this policy bids with. */
  public BidSettings settings() {
    return settings;
  }

  /**
   * Decides the bid.
   *
   * @param profit expected profit before gas, native wei
   * @param gas the transaction's gas limit (simulated gas plus any buffer), gas units
   * @param baseFee the base fee the transaction is expected to pay (the next block's, or the latest block's), wei
   * @param floor the market tip floor, wei per gas (0 for none)
   * @return a {@link Bid}, or a {@link NoBid} saying why not
   * @throws IllegalArgumentException when the base fee or the floor is negative
   */
  public BidDecision decide(BigInteger profit, BigInteger gas, BigInteger baseFee, BigInteger floor) {
    if (baseFee.signum() < 0 || floor.signum() < 0) throw new IllegalArgumentException("negative fee input");
    if (gas.signum() <= 0) return new NoBid("no gas estimate (gas = " + gas + ")");
    if (profit.signum() <= 0) return new NoBid("no profit (" + profit + " wei)");
    BigInteger baseCost = gas.multiply(baseFee);
    BigInteger net = profit.subtract(baseCost);
    if (net.signum() <= 0) {
      return new NoBid("base fee cost " + baseCost + " wei >= profit " + profit + " wei");
    }
    BigInteger cap = settings.capWei();
    BigInteger share = net.multiply(BigInteger.valueOf(settings.shareBps())).divide(Units.BPS.multiply(gas));
    BigInteger tip = share.max(floor).min(cap);

    BigInteger worstBase = BaseFeeBound.after(baseFee, settings.blocksAhead());
    BigInteger budget = profit.multiply(Units.BPS.subtract(BigInteger.valueOf(settings.minMarginBps()))).divide(Units.BPS);
    BigInteger headroom = budget.divide(gas).subtract(worstBase); // the largest tip whose worst case fits the budget
    BigInteger minTip = floor.min(cap);
    if (headroom.compareTo(minTip) < 0) {
      return new NoBid(
          "worst-case gas cost "
              + gas.multiply(worstBase.add(minTip))
              + " wei (base fee "
              + settings.blocksAhead()
              + " blocks ahead "
              + worstBase
              + " + tip "
              + minTip
              + ") above the budget "
              + budget
              + " wei");
    }
    tip = tip.min(headroom);
    BigInteger maxFee = worstBase.add(tip);
    return new Bid(maxFee, tip, gas, baseFee, gas.multiply(maxFee), gas.multiply(baseFee.add(tip)), budget);
  }
}
