package io.collateralkeeper.risk.aave.fast;

import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.PercentageMath;
import io.collateralkeeper.risk.aave.WadRayMath;
import io.collateralkeeper.risk.fast.Int128;
import io.collateralkeeper.risk.fast.InvariantDivisor;
import java.math.BigInteger;

/**
 * {@code Pool.getUserAccountData} (aave-v3-core v3.0.2 {@code GenericLogic.calculateUserAccountData}) on
 * {@code long} limbs: the same result as {@link AaveMath#accountData}, to the wei, without BigInteger or
 * allocation. Each step reproduces the contract's integer rounding exactly: {@code rayMul} of a scaled balance and
 * the block's normalized index (a 256-bit product plus half a ray, divided by 2^27 and then by 5^27), the
 * floor division of amount x price by {@code 10^decimals}, the floor weighted averages of LTV and liquidation
 * threshold, {@code percentMul} and {@code wadDiv} (half up). Divisions by the invariant 5^27, {@code 10^decimals}
 * and 10^4 use precomputed reciprocals ({@link InvariantDivisor}, shared with the vault's fast path); only the three divisions by the user's own totals
 * use the hardware divider.
 *
 * <p>The fast path holds when every balance and index is below 2^127, every price below 2^63, decimals at most 18,
 * and every base-currency amount below 2^63 (about 92 billion USD at 8 decimals). Otherwise, and for anything that
 * could revert or throw (a missing price or e-mode category, an index that does not accrue), the account goes to
 * {@link AaveMath#accountData}, which gives the contract's result or error. An instance keeps scratch state: use
 * one per thread.
 */
public final class FastAaveMath {
  /** RAY = 2^27 x 5^27. */
  private static final long FIVE_POW_27 = BigInteger.valueOf(5).pow(27).longValueExact();
  private static final InvariantDivisor BY_FIVE_POW_27 = new InvariantDivisor(FIVE_POW_27);
  private static final InvariantDivisor BY_PERCENTAGE_FACTOR =
      new InvariantDivisor(PercentageMath.PERCENTAGE_FACTOR.longValueExact());
  private static final long HALF_PERCENT = PercentageMath.HALF_PERCENTAGE_FACTOR.longValueExact();
  private static final long HALF_RAY_HI = Int128.hi(WadRayMath.HALF_RAY);
  private static final long HALF_RAY_LO = Int128.lo(WadRayMath.HALF_RAY);
  private static final long WAD = WadRayMath.WAD.longValueExact();

  /** The 128-bit result of {@link #rayMul}. */
  private long productHi;
  private long productLo;

  /**
   * Evaluates one account at the view's block into {@code out}.
   *
   * @throws IllegalArgumentException when a price or the user's e-mode category is missing (as {@code AaveMath})
   * @throws ArithmeticException where the contract would revert
   */
  public void evaluate(CompactPosition position, AaveMarketView view, AccountResult out) {
    evaluate(position.entries, 0, position.count, position.eMode, position.fast(), position, view, out, true);
  }

  /**
   * {@link #evaluate(CompactPosition, AaveMarketView, AccountResult)} on a copy of the position's entries stored
   * elsewhere ({@code e[from ..]}, e.g. a contiguous arena of many positions), reading {@code position} only for
   * stable debt or the fallback. With {@code full} false only what the health factor needs is computed (no LTV
   * average, no available borrows: one hardware division fewer), and {@code out} answers only
   * {@link AccountResult#healthFactor()} and {@link AccountResult#liquidatable()}.
   */
  void evaluate(
      long[] e, int from, int count, int eMode, boolean fast, CompactPosition position, AaveMarketView view,
      AccountResult out, boolean full) {
    if (fast && evaluateFast(e, from, count, eMode, position, view, out, full)) {
      out.exact = null;
    } else {
      out.setExact(AaveMath.accountData(position.source(), view.market()));
    }
  }

  /** One-off convenience: {@link AaveMath#accountData} through the fast path (prepares the view and position). */
  public static AaveAccountData accountData(AavePosition position, AaveMarket market) {
    AccountResult out = new AccountResult();
    new FastAaveMath().evaluate(CompactPosition.of(position), AaveMarketView.of(market), out);
    return out.toAccountData();
  }

  /**
   * The fast path on packed entries ({@link CompactPosition} layout) {@code e[from ..]}, {@code count} of them;
   * {@code p} supplies stable debt balances. False (with {@code out} unspecified) when the account must go to
   * {@code AaveMath}.
   */
  boolean evaluateFast(
      long[] e, int from, int count, int eMode, CompactPosition p, AaveMarketView v, AccountResult out,
      boolean full) {
    int slot = v.slotOfCategory[eMode];
    if (slot < 0 || !v.slotUsable[slot]) return false;
    int reserves = v.reserveCount();
    int base = slot * reserves;
    long collateral = 0;
    long debt = 0;
    long thresholdHi = 0;
    long thresholdLo = 0;
    long ltvHi = 0;
    long ltvLo = 0;
    boolean zeroLtv = false;
    for (int k = 0, o = from; k < count; k++, o += CompactPosition.STRIDE) {
      long meta = e[o];
      int id = (int) (meta & CompactPosition.ID_MASK);
      if (id >= reserves || !v.present[id]) continue;
      long price = v.price[base + id];
      InvariantDivisor unit = v.unit[id];
      if (price < 0 || unit == null) return false;
      if ((meta & CompactPosition.COLLATERAL) != 0 && v.reserveThreshold[id] != 0) {
        long indexHi = v.incomeHi[id];
        if (indexHi < 0 || !rayMul(e[o + 1], e[o + 2], indexHi, v.incomeLo[id])) return false;
        long value = mulDiv(productHi, productLo, price, unit);
        if (value < 0) return false;
        collateral += value;
        if (collateral < 0) return false;
        if (v.zeroLtv[id]) {
          zeroLtv = true;
        } else {
          long ltv = v.ltv[base + id];
          long lo = value * ltv;
          ltvHi += Math.multiplyHigh(value, ltv) + (Long.compareUnsigned(ltvLo + lo, ltvLo) < 0 ? 1 : 0);
          ltvLo += lo;
        }
        long threshold = v.threshold[base + id];
        long lo = value * threshold;
        thresholdHi +=
            Math.multiplyHigh(value, threshold) + (Long.compareUnsigned(thresholdLo + lo, thresholdLo) < 0 ? 1 : 0);
        thresholdLo += lo;
      }
      if ((meta & CompactPosition.BORROWING) != 0) {
        long amountHi = 0;
        long amountLo = 0;
        if ((e[o + 3] | e[o + 4]) != 0) {
          long indexHi = v.debtHi[id];
          if (indexHi < 0 || !rayMul(e[o + 3], e[o + 4], indexHi, v.debtLo[id])) return false;
          amountHi = productHi;
          amountLo = productLo;
        }
        if ((meta & CompactPosition.STABLE) != 0) {
          CompactPosition.StableBalance stable = p.stableDebt(k, v.timestamp());
          if (!stable.usable()) return false;
          long lo = amountLo + stable.lo();
          long hi = amountHi + stable.hi();
          boolean overflow = Long.compareUnsigned(hi, amountHi) < 0;
          if (Long.compareUnsigned(lo, amountLo) < 0) {
            hi++;
            overflow |= hi == 0;
          }
          if (overflow) return false;
          amountHi = hi;
          amountLo = lo;
        }
        long value = mulDiv(amountHi, amountLo, price, unit);
        if (value < 0) return false;
        debt += value;
        if (debt < 0) return false;
      }
    }
    return finish(collateral, debt, thresholdHi, thresholdLo, ltvHi, ltvLo, zeroLtv, out, full);
  }

  /**
   * The averages, {@code percentMul}s and available borrows of {@code calculateUserAccountData} and
   * {@code executeGetUserAccountData}; the health factor's {@code wadDiv} is left to {@link #healthFactor} (and
   * {@link #liquidatable} needs no division at all).
   */
  private static boolean finish(
      long collateral, long debt, long thresholdHi, long thresholdLo, long ltvHi, long ltvLo, boolean zeroLtv,
      AccountResult out, boolean full) {
    long avgThreshold = 0;
    long avgLtv = 0;
    // sums of value x bps: below collateral x 2^16, so the high limb is below the divisor
    if (collateral != 0) avgThreshold = divide(thresholdHi, thresholdLo, collateral);
    long adjusted = percentMul(collateral, avgThreshold);
    if (adjusted == -1) return false;
    long borrowable = 0;
    if (full) {
      if (collateral != 0) avgLtv = divide(ltvHi, ltvLo, collateral);
      borrowable = percentMul(collateral, avgLtv);
      if (borrowable == -1) return false;
    }
    out.totalCollateral = collateral;
    out.totalDebt = debt;
    out.adjustedCollateral = adjusted;
    out.threshold = avgThreshold;
    out.ltv = avgLtv;
    out.zeroLtv = zeroLtv;
    out.availableBorrows = Long.compareUnsigned(borrowable, debt) > 0 ? borrowable - debt : 0;
    out.full = full;
    return true;
  }

  /**
   * {@code wadDiv(adjustedCollateral, totalDebt)}: {@code (adjusted x 1e18 + debt / 2) / debt}, uint256 max without
   * debt.
   *
   * @param adjustedCollateral {@code percentMul(totalCollateral, avgLiquidationThreshold)}, base currency, unsigned
   * @param totalDebt base currency, below 2^63
   * @return the health factor, wad
   */
  static BigInteger healthFactor(long adjustedCollateral, long totalDebt) {
    if (totalDebt == 0) return Units.MAX_UINT256;
    // below 2^124: the quotient takes at most two limbs
    long lo = adjustedCollateral * WAD;
    long hi = Math.unsignedMultiplyHigh(adjustedCollateral, WAD);
    long sum = lo + (totalDebt >>> 1);
    hi += Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
    long qHi = Long.divideUnsigned(hi, totalDebt);
    return Int128.toBigInteger(qHi, divide(hi - qHi * totalDebt, sum, totalDebt));
  }

  /**
   * True when {@link #healthFactor} is below 1e18, without dividing: {@code floor(n / debt) < 1e18} exactly when
   * {@code n < 1e18 x debt}, with {@code n = adjusted x 1e18 + debt / 2}.
   */
  static boolean liquidatable(long adjustedCollateral, long totalDebt) {
    if (totalDebt == 0) return false;
    long lo = adjustedCollateral * WAD;
    long hi = Math.unsignedMultiplyHigh(adjustedCollateral, WAD);
    long sum = lo + (totalDebt >>> 1);
    hi += Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
    long limitLo = totalDebt * WAD;
    long limitHi = Math.unsignedMultiplyHigh(totalDebt, WAD);
    return hi != limitHi ? Long.compareUnsigned(hi, limitHi) < 0 : Long.compareUnsigned(sum, limitLo) < 0;
  }

  /**
   * {@code PercentageMath.percentMul}: {@code (value x bps + 5000) / 10000} for {@code value < 2^63}, unsigned;
   * -1 when it needs 64 bits or more (a result of exactly 2^64 - 1 also reads as -1: it too goes to the exact
   * path, which is always correct).
   */
  private static long percentMul(long value, long bps) {
    long lo = value * bps;
    long hi = Math.multiplyHigh(value, bps);
    long sum = lo + HALF_PERCENT;
    hi += Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
    if (!fitsQuotient(hi, BY_PERCENTAGE_FACTOR)) return -1;
    return BY_PERCENTAGE_FACTOR.divide(hi, sum);
  }

  /**
   * {@code WadRayMath.rayMul(a, b) = (a x b + HALF_RAY) / RAY} for {@code a} and {@code b} below 2^127, into
   * {@link #productHi}/{@link #productLo}; false when the result needs more than 128 bits. RAY = 2^27 x 5^27, so
   * the 256-bit numerator is shifted right by 27 and divided by 5^27 (floor of floor is the floor of the whole).
   */
  private boolean rayMul(long aHi, long aLo, long bHi, long bLo) {
    long p0 = aLo * bLo;
    long p1 = Math.unsignedMultiplyHigh(aLo, bLo);
    long x0 = aLo * bHi;
    long x1 = Math.unsignedMultiplyHigh(aLo, bHi);
    long y0 = aHi * bLo;
    long y1 = Math.unsignedMultiplyHigh(aHi, bLo);
    long z0 = aHi * bHi;
    long z1 = Math.unsignedMultiplyHigh(aHi, bHi);
    // limb 1 = p1 + x0 + y0; limb 2 = x1 + y1 + z0 + carries; limb 3 = z1 + carries
    long s1 = p1 + x0;
    long c1 = Long.compareUnsigned(s1, p1) < 0 ? 1 : 0;
    long n1 = s1 + y0;
    c1 += Long.compareUnsigned(n1, s1) < 0 ? 1 : 0;
    long s2 = x1 + y1;
    long c2 = Long.compareUnsigned(s2, x1) < 0 ? 1 : 0;
    long t2 = s2 + z0;
    c2 += Long.compareUnsigned(t2, s2) < 0 ? 1 : 0;
    long n2 = t2 + c1;
    c2 += Long.compareUnsigned(n2, t2) < 0 ? 1 : 0;
    long n3 = z1 + c2;
    // + HALF_RAY
    long n0 = p0 + HALF_RAY_LO;
    long carry = Long.compareUnsigned(n0, p0) < 0 ? 1 : 0;
    long m1 = n1 + HALF_RAY_HI;
    long carry1 = Long.compareUnsigned(m1, n1) < 0 ? 1 : 0;
    long m1c = m1 + carry;
    carry1 += Long.compareUnsigned(m1c, m1) < 0 ? 1 : 0;
    long m2 = n2 + carry1;
    long m3 = n3 + (Long.compareUnsigned(m2, n2) < 0 ? 1 : 0);
    // >> 27
    long w0 = (n0 >>> 27) | (m1c << 37);
    long w1 = (m1c >>> 27) | (m2 << 37);
    long w2 = (m2 >>> 27) | (m3 << 37);
    if ((m3 >>> 27) != 0 || !fitsQuotient(w2, BY_FIVE_POW_27)) return false;
    long qHi = BY_FIVE_POW_27.divide(w2, w1);
    long r = w1 - qHi * FIVE_POW_27;
    productHi = qHi;
    productLo = BY_FIVE_POW_27.divide(r, w0);
    return true;
  }

  /**
   * {@code floor(amount x price / unit)} for a 128-bit amount and a price below 2^63; -1 when the quotient is
   * 2^63 or more.
   */
  private static long mulDiv(long amountHi, long amountLo, long price, InvariantDivisor unit) {
    long lo = amountLo * price;
    long hi1 = Math.unsignedMultiplyHigh(amountLo, price);
    long mid = amountHi * price;
    long top = Math.unsignedMultiplyHigh(amountHi, price);
    long hi = hi1 + mid;
    top += Long.compareUnsigned(hi, hi1) < 0 ? 1 : 0;
    if (top != 0 || !fitsQuotient(hi, unit)) return -1;
    long q = unit.divide(hi, lo);
    return q < 0 ? -1 : q;
  }

  /** True when {@code (hi x 2^64 + lo) / d} fits 64 bits, i.e. {@code hi < d} unsigned: what {@code divide} needs. */
  private static boolean fitsQuotient(long hi, InvariantDivisor d) {
    return Long.compareUnsigned(hi, d.divisor()) < 0;
  }

  /** {@code floor((hi x 2^64 + lo) / d)} for {@code hi < d} (unsigned); one hardware division when hi is 0. */
  private static long divide(long hi, long lo, long d) {
    return hi == 0 ? Long.divideUnsigned(lo, d) : Int128.divideUnsigned(hi, lo, d);
  }
}
