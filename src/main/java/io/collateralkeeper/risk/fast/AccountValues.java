package io.collateralkeeper.risk.fast;

import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMath;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Computes and holds each slot's equity (signed USD wad) and maintenance requirement (USD wad) exactly as {@link
 * VaultMath#value} ({@code CrossMarginVault._accountValue}): in signed 128-bit arithmetic from the split columns of
 * {@link AccountColumns} and the constants of {@link VaultPriceTable} when every value is in range, with {@link
 * VaultMath} (BigInteger) otherwise. Not thread-safe.
 */
final class AccountValues {
  /** Equity and maintenance are in the 128-bit columns. */
  static final byte FAST = 0;
  /** The value came from {@link VaultMath}; it is in {@code slowValue}. */
  static final byte SLOW = 1;
  /** A price the account uses is not positive: the vault reverts; health is uint256 max. */
  static final byte INVALID = 2;

  private static final InvariantDivisor PNL_DIVISOR = new InvariantDivisor(AccountColumns.SIZE_PNL_SPLIT);
  private static final InvariantDivisor MARGIN_DIVISOR = new InvariantDivisor(AccountColumns.SIZE_MARGIN_SPLIT);

  private final VaultConfig config;
  private final AccountColumns in;
  private long[] equityHi;
  private long[] equityLo;
  private long[] maintenanceHi;
  private long[] maintenanceLo;
  private byte[] status;
  private AccountValue[] slowValue;

  AccountValues(VaultConfig config, AccountColumns in) {
    this.config = config;
    this.in = in;
    allocate(in.capacity());
  }

  /** Grows the result columns to {@code capacity} slots. */
  void allocate(int capacity) {
    equityHi = Arrays.copyOf(equityHi == null ? new long[0] : equityHi, capacity);
    equityLo = Arrays.copyOf(equityLo == null ? new long[0] : equityLo, capacity);
    maintenanceHi = Arrays.copyOf(maintenanceHi == null ? new long[0] : maintenanceHi, capacity);
    maintenanceLo = Arrays.copyOf(maintenanceLo == null ? new long[0] : maintenanceLo, capacity);
    status = Arrays.copyOf(status == null ? new byte[0] : status, capacity);
    slowValue = Arrays.copyOf(slowValue == null ? new AccountValue[0] : slowValue, capacity);
  }

  /**
   * Evaluates a slot at the given prices and returns whether it is liquidatable. Liquidatable means {@code
   * maintenance > 0 && equity < maintenance}, which equals {@code _health(equity, maintenance) < 1e18}: with no
   * requirement the health is uint256 max (not below 1e18); with {@code equity <= 0} it is 0 (below), and then
   * {@code equity <= 0 < maintenance}; otherwise {@code floor(equity x 1e18 / maintenance) < 1e18} holds exactly when
   * {@code equity x 1e18 / maintenance < 1e18} (1e18 is an integer), that is {@code equity < maintenance}.
   *
   * @param state the account as stored in the slot (used on the BigInteger path)
   */
  boolean evaluate(int slot, VaultAccount state, VaultPriceTable prices) {
    byte s = in.fast[slot] ? fastValue(slot, prices) : SLOW;
    if (s == SLOW) s = usesInvalidPrice(state, prices) ? INVALID : SLOW;
    status[slot] = s;
    if (slowValue[slot] != null) slowValue[slot] = null; // no reference store (GC barrier) on the hot path
    if (s == INVALID) return false;
    if (s == SLOW) {
      AccountValue v = VaultMath.value(config, state, prices.prices);
      slowValue[slot] = v;
      return v.liquidatable();
    }
    long mh = maintenanceHi[slot];
    long ml = maintenanceLo[slot];
    return (mh | ml) != 0 && Int128.compare(equityHi[slot], equityLo[slot], mh, ml) < 0;
  }

  /** The 128-bit path; returns FAST with the results stored, or INVALID / SLOW (nothing stored). */
  private byte fastValue(int slot, VaultPriceTable t) {
    Int128Accumulator equity = new Int128Accumulator().reset(in.cashHi[slot], in.cashLo[slot]);
    Int128Accumulator maintenance = new Int128Accumulator().reset(0, 0);
    int nc = in.collaterals;
    for (int c = 0, i = slot * nc; c < nc; c++, i++) {
      long q = in.balanceQ[i];
      long r = in.balanceR[i];
      if ((q | r) == 0) continue; // the contract skips a zero balance (and its price)
      if (t.collateralState[c] != VaultPriceTable.FAST) return t.collateralState[c];
      long k = t.collateralFactor[c];
      // bal x k / 10^(d-6) = q x k + floor(r x k / 10^(d-6)); r < 10^(d-6) so the quotient is below k
      equity.addProduct(q, k, in.balanceDivisor[c].multiplyDivide(r, k), false);
    }
    int nm = in.markets;
    for (int m = 0, i = slot * nm; m < nm; m++, i++) {
      byte sign = in.sizeSign[i];
      if (sign == 0) continue;
      if (t.marketState[m] != VaultPriceTable.FAST) return t.marketState[m];
      long delta = t.marketPrice[m] - in.entryPrice[i]; // both in [0, 2^63): no overflow
      long absDelta = Math.abs(delta);
      // _pnl truncates toward zero: sign x floor(|size| x |delta| / 1e8), |size| = a x 1e8 + b
      equity.addProduct(
          in.sizeA8[i], absDelta, PNL_DIVISOR.multiplyDivide(in.sizeB8[i], absDelta), (sign < 0) != (delta < 0));
      // |size| x price x mmBps / (1e8 x 1e4), |size| = A x 1e12 + B
      long f = t.maintenanceFactor[m];
      maintenance.addProduct(in.sizeA12[i], f, MARGIN_DIVISOR.multiplyDivide(in.sizeB12[i], f), false);
    }
    if (equity.overflowed() || maintenance.overflowed()) return SLOW;
    equityHi[slot] = equity.hi();
    equityLo[slot] = equity.lo();
    maintenanceHi[slot] = maintenance.hi();
    maintenanceLo[slot] = maintenance.lo();
    return FAST;
  }

  /** True when a collateral with a balance or a market with a position has a price {@code <= 0}. */
  private static boolean usesInvalidPrice(VaultAccount state, VaultPriceTable t) {
    for (int c = 0; c < t.collateralState.length; c++) {
      if (t.collateralState[c] == VaultPriceTable.INVALID && state.balances().get(c).signum() != 0) return true;
    }
    for (int m = 0; m < t.marketState.length; m++) {
      if (t.marketState[m] == VaultPriceTable.INVALID && state.sizes().get(m).signum() != 0) return true;
    }
    return false;
  }

  /** How the slot was last evaluated: FAST, SLOW or INVALID. */
  byte status(int slot) {
    return status[slot];
  }

  /** Frees a slot's BigInteger result. */
  void clear(int slot) {
    slowValue[slot] = null;
  }

  /** Health factor (wad) as {@code CrossMarginVault.healthFactor}; uint256 max when a used price is invalid. */
  BigInteger healthFactor(int slot) {
    return switch (status[slot]) {
      case INVALID -> Units.MAX_UINT256;
      case SLOW -> slowValue[slot].healthFactor();
      default -> AccountValue.healthFactor(equity(slot).orElseThrow(), maintenance(slot).orElseThrow());
    };
  }

  /** Equity, signed USD wad; empty when a used price is invalid. */
  Optional<BigInteger> equity(int slot) {
    return switch (status[slot]) {
      case INVALID -> Optional.empty();
      case SLOW -> Optional.of(slowValue[slot].equity());
      default -> Optional.of(Int128.toBigInteger(equityHi[slot], equityLo[slot]));
    };
  }

  /** Maintenance requirement, USD wad; empty when a used price is invalid. */
  Optional<BigInteger> maintenance(int slot) {
    return switch (status[slot]) {
      case INVALID -> Optional.empty();
      case SLOW -> Optional.of(slowValue[slot].maintenance());
      default -> Optional.of(Int128.toBigInteger(maintenanceHi[slot], maintenanceLo[slot]));
    };
  }
}
