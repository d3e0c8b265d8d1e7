package io.collateralkeeper.risk.aave.fast;

import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.UserConfig;
import io.collateralkeeper.risk.aave.UserReserve;
import io.collateralkeeper.risk.fast.Int128;
import java.math.BigInteger;

/**
 * An {@link AavePosition} packed for {@link FastAaveMath}: one entry per reserve the user's configuration marks as
 * collateral or borrowed, in reserve id order, each with the scaled aToken and scaled variable debt balances as
 * 128-bit limb pairs. Stable debt (which accrues at the user's own rate) is kept as the original
 * {@link UserReserve} and its balance at a block is cached per timestamp. A position with a balance of 2^127 or
 * more is marked {@linkplain #fast() not fast}: it is always evaluated by {@code AaveMath}.
 */
public final class CompactPosition {
  static final int STRIDE = 5;
  static final int COLLATERAL = 1 << 8;
  static final int BORROWING = 1 << 9;
  static final int STABLE = 1 << 10;
  static final int ID_MASK = 0xFF;

  private final AavePosition source;
  /** Per entry: meta (reserve id | flags), aToken hi, lo, variable debt hi, lo. */
  final long[] entries;
  final int count;
  final int eMode;
  private final boolean fast;
  private final UserReserve[] stable;
  private final StableBalance[] stableCache;

  /** A stable debt balance accrued to a block timestamp, as limbs (immutable, so a racy cache read is safe). */
  record StableBalance(long timestamp, long hi, long lo, boolean usable) {}

  private CompactPosition(AavePosition p) {
    source = p;
    eMode = p.eModeCategory();
    UserConfig config = p.config();
    int bound = config.reserveIdBound();
    int n = 0;
    for (int i = 0; i < bound; i++) if (config.isUsingAsCollateralOrBorrowing(i)) n++;
    count = n;
    entries = new long[n * STRIDE];
    UserReserve[] stableDebts = null;
    boolean allFit = true;
    int k = 0;
    for (int i = 0; i < bound; i++) {
      if (!config.isUsingAsCollateralOrBorrowing(i)) continue;
      UserReserve balances = p.reserve(i);
      long meta = i;
      if (config.isUsingAsCollateral(i)) meta |= COLLATERAL;
      if (config.isBorrowing(i)) meta |= BORROWING;
      if (config.isBorrowing(i) && balances.stableDebtPrincipal().signum() != 0) {
        meta |= STABLE;
        if (stableDebts == null) stableDebts = new UserReserve[n];
        stableDebts[k] = balances;
      }
      allFit &= fits(balances.scaledATokenBalance());
      allFit &= fits(balances.scaledVariableDebt());
      int o = k * STRIDE;
      entries[o] = meta;
      entries[o + 1] = Int128.hi(balances.scaledATokenBalance());
      entries[o + 2] = Int128.lo(balances.scaledATokenBalance());
      entries[o + 3] = Int128.hi(balances.scaledVariableDebt());
      entries[o + 4] = Int128.lo(balances.scaledVariableDebt());
      k++;
    }
    fast = allFit && eMode >= 0 && eMode <= 255;
    stable = stableDebts;
    stableCache = stableDebts == null ? null : new StableBalance[n];
  }

  /** True when {@code 0 <= value < 2^127}: a fast-path amount. */
  static boolean fits(BigInteger value) {
    return value.signum() >= 0 && Int128.fits(value);
  }

  /** Packs a position. */
  public static CompactPosition of(AavePosition position) {
    return new CompactPosition(position);
  }

  /** The position this was packed from. */
  public AavePosition source() {
    return source;
  }

  /** False when some balance is 2^127 or more, so only {@code AaveMath} evaluates it. */
  public boolean fast() {
    return fast;
  }

  /** True when the user has stable debt in some reserve (it accrues with the block timestamp). */
  public boolean hasStableDebt() {
    return stable != null;
  }

  /** Reserve id of entry {@code k}. */
  int reserveId(int k) {
    return (int) (entries[k * STRIDE] & ID_MASK);
  }

  /** True when entry {@code k} is enabled as collateral. */
  boolean isCollateral(int k) {
    return (entries[k * STRIDE] & COLLATERAL) != 0;
  }

  /** True when entry {@code k} is borrowed. */
  boolean isBorrowing(int k) {
    return (entries[k * STRIDE] & BORROWING) != 0;
  }

  /**
   * The stable debt of entry {@code k} at a timestamp ({@code StableDebtToken.balanceOf}), cached per timestamp;
   * unusable when it reverts or is 2^127 or more.
   */
  StableBalance stableDebt(int k, long timestamp) {
    StableBalance cached = stableCache[k];
    if (cached != null && cached.timestamp() == timestamp) return cached;
    StableBalance computed;
    try {
      BigInteger debt = stable[k].stableDebt(timestamp);
      computed =
          fits(debt)
              ? new StableBalance(timestamp, Int128.hi(debt), Int128.lo(debt), true)
              : new StableBalance(timestamp, 0, 0, false);
    } catch (ArithmeticException e) {
      computed = new StableBalance(timestamp, 0, 0, false);
    }
    stableCache[k] = computed;
    return computed;
  }
}
