package io.collateralkeeper.risk.aave.fast;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What differs between two prepared markets, by reserve id, in the terms that decide who must be re-evaluated.
 *
 * @param everything the e-mode categories differ (added, removed, or a price source without a price): every user
 * @param risk reserves whose listing, decimals, LTV, liquidation threshold or price (for any e-mode slot) changed,
 *     or whose price the fast path cannot hold (it may have changed unseen): every user with the reserve in their
 *     configuration
 * @param income reserves whose normalized income changed (or is unusable on either side): users with the reserve
 *     as collateral
 * @param debt reserves whose normalized variable debt changed: users borrowing it
 * @param timestampChanged the block timestamp moved: users with stable debt (it accrues at their own rate)
 */
record MarketChanges(boolean everything, BitSet risk, BitSet income, BitSet debt, boolean timestampChanged) {

  /** The changes from {@code before} to {@code after}. */
  static MarketChanges between(AaveMarketView before, AaveMarketView after) {
    boolean everything =
        !Arrays.equals(before.categories(), after.categories())
            || !Arrays.equals(before.slotUsable, after.slotUsable);
    BitSet risk = new BitSet();
    BitSet income = new BitSet();
    BitSet debt = new BitSet();
    int n = Math.max(before.reserveCount(), after.reserveCount());
    for (int id = 0; id < n; id++) {
      if (id >= before.reserveCount() || id >= after.reserveCount()) {
        risk.set(id);
        continue;
      }
      if (riskDiffers(before, after, id, everything)) risk.set(id);
      if (differs(before.incomeHi[id], before.incomeLo[id], after.incomeHi[id], after.incomeLo[id])) income.set(id);
      if (differs(before.debtHi[id], before.debtLo[id], after.debtHi[id], after.debtLo[id])) debt.set(id);
    }
    return new MarketChanges(everything, risk, income, debt, before.timestamp() != after.timestamp());
  }

  /**
   * True when an index differs, or is unusable on either side: the fast path then does not hold its value
   * (AaveMath recomputes it), so its change cannot be ruled out.
   */
  private static boolean differs(long hiBefore, long loBefore, long hiAfter, long loAfter) {
    return hiBefore != hiAfter || loBefore != loAfter || hiBefore == AaveMarketView.UNUSABLE
        || hiAfter == AaveMarketView.UNUSABLE;
  }

  private static boolean riskDiffers(AaveMarketView a, AaveMarketView b, int id, boolean slotsDiffer) {
    if (a.present[id] != b.present[id]
        || a.reserveThreshold[id] != b.reserveThreshold[id]
        || a.zeroLtv[id] != b.zeroLtv[id]
        || a.decimals[id] != b.decimals[id]) {
      return true;
    }
    if (slotsDiffer) return true;
    for (int s = 0; s < a.slots(); s++) {
      int i = s * a.reserveCount() + id;
      int j = s * b.reserveCount() + id;
      // an unusable price (missing, negative or 2^63 and more) may have changed without the view showing it
      if (a.price[i] != b.price[j] || a.price[i] < 0 || a.ltv[i] != b.ltv[j] || a.threshold[i] != b.threshold[j]) {
        return true;
      }
    }
    return false;
  }
}
