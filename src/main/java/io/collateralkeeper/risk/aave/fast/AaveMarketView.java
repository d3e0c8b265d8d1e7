package io.collateralkeeper.risk.aave.fast;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import io.collateralkeeper.risk.aave.ReserveConfig;
import io.collateralkeeper.risk.fast.Int128;
import io.collateralkeeper.risk.fast.InvariantDivisor;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link AaveMarket} prepared once per block for {@link FastAaveMath}: every reserve's normalized income and
 * normalized debt accrued to the block timestamp (as {@code ReserveLogic.getNormalizedIncome} /
 * {@code getNormalizedDebt}, computed once instead of once per account), and in arrays by reserve id and e-mode
 * slot: the price each user sees (the e-mode price source for a category's assets), the loan to value and
 * liquidation threshold each user gets, and the {@code 10^decimals} divisors ready for exact division without
 * hardware division. Entries the fast path cannot take (a missing price, an index that does not accrue, more than
 * 18 decimals, a price of 2^63 or more) are flagged; accounts that need them fall back to {@code AaveMath}, which
 * then raises the same error or computes the value with BigInteger. Immutable.
 */
public final class AaveMarketView {
  /** A price, index or e-mode slot the fast path cannot use. */
  static final long UNUSABLE = -1;
  private static final int MAX_UNIT_DECIMALS = 18;

  private final AaveMarket market;
  private final int reserveCount;
  final boolean[] present;
  final int[] reserveThreshold;
  final boolean[] zeroLtv;
  final int[] decimals;
  final InvariantDivisor[] unit;
  final long[] incomeHi;
  final long[] incomeLo;
  final long[] debtHi;
  final long[] debtLo;
  /** Slot of each e-mode category id (0-255): 0 for category 0, -1 for a category the market lacks. */
  final int[] slotOfCategory = new int[256];
  /** Per slot: false when its category's price source has no price. */
  final boolean[] slotUsable;
  /** Per slot and reserve ({@code slot * reserveCount + id}): the price a user in the slot sees, or UNUSABLE. */
  final long[] price;
  /** Per slot and reserve: loan to value, bps. */
  final int[] ltv;
  /** Per slot and reserve: liquidation threshold, bps. */
  final int[] threshold;
  private final int[] categories;

  private AaveMarketView(AaveMarket market) {
    this.market = market;
    reserveCount = market.reserves().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    present = new boolean[reserveCount];
    reserveThreshold = new int[reserveCount];
    zeroLtv = new boolean[reserveCount];
    decimals = new int[reserveCount];
    unit = new InvariantDivisor[reserveCount];
    incomeHi = new long[reserveCount];
    incomeLo = new long[reserveCount];
    debtHi = new long[reserveCount];
    debtLo = new long[reserveCount];
    Map<Integer, EModeCategory> sorted = new TreeMap<>(market.eModes());
    sorted.remove(0);
    categories = new int[sorted.size() + 1];
    Arrays.fill(slotOfCategory, -1);
    slotOfCategory[0] = 0;
    int slot = 1;
    for (int id : sorted.keySet()) {
      if (id < 0 || id > 255) continue;
      categories[slot] = id;
      slotOfCategory[id] = slot++;
    }
    int slots = slot;
    slotUsable = new boolean[slots];
    price = new long[slots * reserveCount];
    ltv = new int[slots * reserveCount];
    threshold = new int[slots * reserveCount];
    for (AaveReserve r : market.reserves().values()) prepareReserve(r);
    for (int s = 0; s < slots; s++) prepareSlot(s, s == 0 ? null : market.eMode(categories[s]));
  }

  /** Prepares a market (once per block, or per price what-if). */
  public static AaveMarketView of(AaveMarket market) {
    return new AaveMarketView(market);
  }

  /** The market this view was prepared from. */
  public AaveMarket market() {
    return market;
  }

  /** The block timestamp indexes were accrued to, unix seconds. */
  public long timestamp() {
    return market.timestamp();
  }

  /** One past the highest reserve id. */
  public int reserveCount() {
    return reserveCount;
  }

  private void prepareReserve(AaveReserve r) {
    int id = r.id();
    ReserveConfig rc = r.config();
    present[id] = true;
    reserveThreshold[id] = rc.liquidationThreshold();
    zeroLtv[id] = rc.ltv() == 0;
    decimals[id] = rc.decimals();
    unit[id] = rc.decimals() <= MAX_UNIT_DECIMALS ? new InvariantDivisor(rc.unit().longValueExact()) : null;
    BigInteger income = accrued(r, true);
    incomeHi[id] = income == null ? UNUSABLE : Int128.hi(income);
    incomeLo[id] = income == null ? UNUSABLE : Int128.lo(income);
    BigInteger debt = accrued(r, false);
    debtHi[id] = debt == null ? UNUSABLE : Int128.hi(debt);
    debtLo[id] = debt == null ? UNUSABLE : Int128.lo(debt);
  }

  /** The normalized income or debt at the block, or null when it reverts or is 2^127 or more. */
  private BigInteger accrued(AaveReserve r, boolean income) {
    try {
      BigInteger index = income ? r.normalizedIncome(market.timestamp()) : r.normalizedDebt(market.timestamp());
      return index.bitLength() < 127 ? index : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private void prepareSlot(int slot, EModeCategory category) {
    long eModePrice = 0;
    boolean usable = true;
    if (category != null && category.hasPriceSource()) {
      BigInteger p = market.prices().get(category.priceSource());
      if (p == null) usable = false;
      else eModePrice = p.bitLength() < 64 ? p.longValue() : UNUSABLE;
    }
    slotUsable[slot] = usable;
    int cat = category == null ? 0 : category.id();
    for (AaveReserve r : market.reserves().values()) {
      int i = slot * reserveCount + r.id();
      ReserveConfig rc = r.config();
      boolean inCategory = cat != 0 && rc.eModeCategory() == cat;
      price[i] = eModePrice != 0 && inCategory ? eModePrice : ownPrice(r.asset());
      ltv[i] = inCategory ? category.ltv() : rc.ltv();
      threshold[i] = inCategory ? category.liquidationThreshold() : rc.liquidationThreshold();
    }
  }

  private long ownPrice(Address asset) {
    BigInteger p = market.prices().get(asset);
    return p == null || p.bitLength() >= 64 ? UNUSABLE : p.longValue();
  }

  /** The e-mode category ids in slot order (slot 0 = no e-mode). */
  int[] categories() {
    return categories.clone();
  }

  /** Slots (e-mode categories plus none). */
  int slots() {
    return slotUsable.length;
  }
}
