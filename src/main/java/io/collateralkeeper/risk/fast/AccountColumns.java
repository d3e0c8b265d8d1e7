package io.collateralkeeper.risk.fast;

import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The price-independent parts of each account, split once when the account is stored so that an evaluation needs
 * only multiplications and reciprocal divisions (structure of arrays; an account is an int slot; per-asset values
 * at {@code slot * assets + id}).
 *
 * <ul>
 *   <li>Collateral of {@code d} decimals, balance {@code bal} (token units): with {@code D = 10^(d-6)} for {@code d
 *       >= 6}, {@code bal = q x D + r}; for {@code d < 6}, {@code q = bal x 10^(6-d)} and {@code r = 0}. Then
 *       {@code bal x price x (BPS - haircut) x 1e10 / (10^d x BPS) = q x k + floor(r x k / D)} with {@code k = price x
 *       (BPS - haircut)}, because {@code 1e10 / (10^d x 1e4) = 1 / 10^(d-6)} exactly.
 *   <li>Position size {@code s} (base-asset wad): {@code |s| = a x 1e8 + b} (for the PnL's division by 1e8) and
 *       {@code |s| = A x 1e12 + B} (for the maintenance division by {@code PRICE_UNIT x BPS = 1e12}), its sign, and
 *       the entry price (USD 8 decimals).
 *   <li>Cash (signed USD wad) as a signed 128-bit pair.
 * </ul>
 *
 * An account is {@linkplain #fast fast} when every used value is inside these ranges: balance {@code >= 0} with
 * {@code q < 2^63} and {@code d <= 24} (so {@code D < 2^63}), cash within signed 128 bits, {@code a < 2^63} and an entry
 * price in {@code [0, 2^63)}. Any other account is evaluated with {@code VaultMath} (BigInteger).
 */
final class AccountColumns {
  static final long SIZE_PNL_SPLIT = 100_000_000L; // PRICE_UNIT
  static final long SIZE_MARGIN_SPLIT = 1_000_000_000_000L; // PRICE_UNIT x BPS
  private static final int MAX_FAST_DECIMALS = 24;
  private static final BigInteger PNL_SPLIT = BigInteger.valueOf(SIZE_PNL_SPLIT);
  private static final BigInteger MARGIN_SPLIT = BigInteger.valueOf(SIZE_MARGIN_SPLIT);

  final int collaterals;
  final int markets;
  /** Per collateral: {@code 10^(d-6)} for {@code 6 <= d <= 24}, else 1 (r is 0 then). */
  final InvariantDivisor[] balanceDivisor;
  private final int[] decimals;

  long[] balanceQ;
  long[] balanceR;
  long[] cashHi;
  long[] cashLo;
  /** Sign of the position size: -1, 0 or 1. */
  byte[] sizeSign;
  long[] sizeA8;
  long[] sizeB8;
  long[] sizeA12;
  long[] sizeB12;
  long[] entryPrice;
  /** True when every used value of the account is in the fast range. */
  boolean[] fast;

  AccountColumns(VaultConfig config, int capacity) {
    collaterals = config.collaterals().size();
    markets = config.markets().size();
    decimals = new int[collaterals];
    balanceDivisor = new InvariantDivisor[collaterals];
    for (int c = 0; c < collaterals; c++) {
      decimals[c] = config.collaterals().get(c).decimals();
      int d = decimals[c];
      balanceDivisor[c] = new InvariantDivisor(d >= 6 && d <= MAX_FAST_DECIMALS ? pow10(d - 6) : 1);
    }
    allocate(capacity);
  }

  int capacity() {
    return fast.length;
  }

  /** Grows every column to {@code capacity} slots. */
  void allocate(int capacity) {
    balanceQ = grow(balanceQ, capacity * collaterals);
    balanceR = grow(balanceR, capacity * collaterals);
    cashHi = grow(cashHi, capacity);
    cashLo = grow(cashLo, capacity);
    sizeSign = sizeSign == null ? new byte[capacity * markets] : Arrays.copyOf(sizeSign, capacity * markets);
    sizeA8 = grow(sizeA8, capacity * markets);
    sizeB8 = grow(sizeB8, capacity * markets);
    sizeA12 = grow(sizeA12, capacity * markets);
    sizeB12 = grow(sizeB12, capacity * markets);
    entryPrice = grow(entryPrice, capacity * markets);
    fast = fast == null ? new boolean[capacity] : Arrays.copyOf(fast, capacity);
  }

  /** Splits {@code account} into the slot's columns and decides whether it is fast. */
  void store(int slot, VaultAccount account) {
    boolean ok = Int128.fits(account.cash());
    cashHi[slot] = ok ? Int128.hi(account.cash()) : 0;
    cashLo[slot] = ok ? Int128.lo(account.cash()) : 0;
    for (int c = 0; c < collaterals; c++) ok &= storeBalance(slot * collaterals + c, c, account.balances().get(c));
    for (int m = 0; m < markets; m++) {
      ok &= storeSize(slot * markets + m, account.sizes().get(m), account.entryPrices().get(m));
    }
    fast[slot] = ok;
  }

  private boolean storeBalance(int i, int c, BigInteger bal) {
    balanceQ[i] = 0;
    balanceR[i] = 0;
    if (bal.signum() == 0) return true;
    int d = decimals[c];
    if (bal.signum() < 0 || d > MAX_FAST_DECIMALS) return false;
    BigInteger q;
    BigInteger r = BigInteger.ZERO;
    if (d >= 6) {
      BigInteger[] qr = bal.divideAndRemainder(BigInteger.valueOf(pow10(d - 6)));
      q = qr[0];
      r = qr[1];
    } else {
      q = bal.multiply(BigInteger.valueOf(pow10(6 - d)));
    }
    if (q.bitLength() > 63) return false;
    balanceQ[i] = q.longValue();
    balanceR[i] = r.longValue();
    return true;
  }

  private boolean storeSize(int i, BigInteger size, BigInteger entry) {
    sizeSign[i] = (byte) size.signum();
    sizeA8[i] = sizeB8[i] = sizeA12[i] = sizeB12[i] = entryPrice[i] = 0;
    if (size.signum() == 0) return true;
    BigInteger abs = size.abs();
    BigInteger[] ab8 = abs.divideAndRemainder(PNL_SPLIT);
    BigInteger[] ab12 = abs.divideAndRemainder(MARGIN_SPLIT);
    if (ab8[0].bitLength() > 63 || entry.signum() < 0 || entry.bitLength() > 63) return false;
    sizeA8[i] = ab8[0].longValue();
    sizeB8[i] = ab8[1].longValue();
    sizeA12[i] = ab12[0].longValue();
    sizeB12[i] = ab12[1].longValue();
    entryPrice[i] = entry.longValue();
    return true;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) p *= 10;
    return p;
  }

  private static long[] grow(long[] a, int length) {
    return a == null ? new long[length] : Arrays.copyOf(a, length);
  }
}
