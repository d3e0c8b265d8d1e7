package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.risk.fast.MutableInt128;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@link CloseProbe} in allocation-free 128-bit arithmetic: the effect of {@code CrossMarginVault.liquidate} on the
 * account's health factor, to the wei, without copying the account. Closing {@code x} of the position only changes
 * the closed market's PnL and maintenance terms and the seized collaterals' equity, so everything else is summed once:
 *
 * <pre>
 *   equity(x)      = equity - seizedEquity(fee(x)) + pnl(closed x) + pnl(position - closed x) - pnl(position)
 *   maintenance(x) = maintenance - maintenance(position) + maintenance(position - closed x)
 *   reaches target = maintenance(x) == 0  or  equity(x) x 1e18 >= target x maintenance(x)   (floor(e x 1e18 / m) >= t)
 * </pre>
 *
 * with every term rounded exactly as {@code CrossMarginVault}. The PnL terms differ by at most one wei: with {@code
 * |x x move| = q x 1e8 + r} and {@code |position x move| = Q x 1e8 + R}, the two truncations of the closed and the
 * remaining part sum to {@code Q}, or {@code Q - 1} when {@code r > R} (both parts have the position's sign).
 *
 * <p>A probe costs about 0.05 µs. An intermediate value beyond 128 bits throws {@link ArithmeticException}; the
 * planner then uses {@link ExactCloseProbe}. Holds scratch registers: not thread-safe, one per planning call.
 */
final class FastCloseProbe implements CloseProbe {
  private static final long WAD = Units.WAD.longValueExact();
  private static final BigInteger PRICE_BPS = Units.PRICE_UNIT.multiply(Units.BPS);
  private static final int MAX_SIZE_BITS = 125; // lo + hi of the bisection stays below 2^127

  private final SeizeModel seize;
  private final BigInteger full;
  private final MutableInt128 fullSize;
  private final Ratio feePerSize;
  private final Ratio maintenancePerSize;
  private final Ratio pnlPerSize;
  private final int pnlSign;
  private final long pnlRemainder;
  private final MutableInt128 equityBefore;
  private final MutableInt128 maintenanceWithoutMarket;
  private final long targetHealth;
  // scratch
  private final MutableInt128 lo = new MutableInt128();
  private final MutableInt128 hi = new MutableInt128();
  private final MutableInt128 mid = new MutableInt128();
  private final MutableInt128 fee = new MutableInt128();
  private final MutableInt128 paid = new MutableInt128();
  private final MutableInt128 lost = new MutableInt128();
  private final MutableInt128 pnl = new MutableInt128();
  private final MutableInt128 equity = new MutableInt128();
  private final MutableInt128 maintenance = new MutableInt128();
  private final MutableInt128 minRevenue = new MutableInt128();

  private FastCloseProbe(
      SeizeModel seize, BigInteger full, Ratio feePerSize, Ratio maintenancePerSize, Ratio pnlPerSize, int pnlSign,
      AccountValue before, long targetHealth) {
    this.seize = seize;
    this.full = full;
    this.fullSize = MutableInt128.of(full);
    this.feePerSize = feePerSize;
    this.maintenancePerSize = maintenancePerSize;
    this.pnlPerSize = pnlPerSize;
    this.pnlSign = pnlSign;
    this.targetHealth = targetHealth;
    this.equityBefore = MutableInt128.of(before.equity());
    this.pnlRemainder = pnlPerSize.applyToWithRemainder(new MutableInt128().set(fullSize));
    this.maintenanceWithoutMarket =
        MutableInt128.of(before.maintenance()).subtract(maintenancePerSize.applyTo(new MutableInt128().set(fullSize)));
  }

  /**
   * The probe for closing the account's position in {@code marketId}, or empty when a value is beyond the 128-bit
   * range, the target health is 2^63 or more, or a market's id differs from its position.
   *
   * @param before the account's {@code VaultMath.value} at {@code prices} (its prices already checked)
   * @param seize the account's collaterals at {@code prices}
   * @param targetHealth health factor to reach, wad
   */
  static Optional<FastCloseProbe> of(
      VaultConfig config, VaultAccount account, VaultPrices prices, AccountValue before, SeizeModel seize, int marketId,
      BigInteger targetHealth) {
    for (int i = 0; i < config.markets().size(); i++) {
      if (config.markets().get(i).id() != i) return Optional.empty();
    }
    BigInteger position = account.sizes().get(marketId);
    BigInteger full = position.abs();
    if (full.bitLength() > MAX_SIZE_BITS || targetHealth.bitLength() > 63) return Optional.empty();
    VaultMarket m = config.markets().get(marketId);
    BigInteger price = prices.market().get(marketId);
    BigInteger move = price.subtract(account.entryPrices().get(marketId));
    Optional<Ratio> fee = Ratio.of(price.multiply(BigInteger.valueOf(m.liquidationFeeBps())), PRICE_BPS);
    Optional<Ratio> maintenance = Ratio.of(price.multiply(BigInteger.valueOf(m.maintenanceMarginBps())), PRICE_BPS);
    Optional<Ratio> pnl = Ratio.of(move.abs(), Units.PRICE_UNIT);
    if (fee.isEmpty() || maintenance.isEmpty() || pnl.isEmpty()) return Optional.empty();
    try {
      return Optional.of(new FastCloseProbe(
          seize, full, fee.get(), maintenance.get(), pnl.get(), position.signum() * move.signum(), before,
          targetHealth.longValue()));
    } catch (ArithmeticException beyond128Bits) {
      return Optional.empty();
    }
  }

  @Override
  public BigInteger full() {
    return full;
  }

  @Override
  public BigInteger smallestReachingTarget() {
    if (!reachesTarget(fullSize)) return full;
    lo.set(0);
    hi.set(fullSize);
    while (hi.exceedsByMoreThanOne(lo)) {
      mid.set(lo).add(hi).halve();
      if (reachesTarget(mid)) hi.set(mid);
      else lo.set(mid);
    }
    return hi.toBigInteger();
  }

  @Override
  public BigInteger smallestPaying(BigInteger from, BigInteger minRevenueUsdWad) {
    minRevenue.set(minRevenueUsdWad);
    lo.set(from);
    hi.set(fullSize);
    if (feePaid(hi).compareTo(minRevenue) < 0 || lo.compareTo(hi) == 0) return full;
    while (hi.exceedsByMoreThanOne(lo)) {
      mid.set(lo).add(hi).halve();
      if (feePaid(mid).compareTo(minRevenue) >= 0) hi.set(mid);
      else lo.set(mid);
    }
    return hi.toBigInteger();
  }

  @Override
  public BigInteger feePaid(BigInteger size) {
    return feePaid(new MutableInt128().set(size)).toBigInteger();
  }

  /** True when closing {@code size} leaves a health factor of at least the target (for tests). */
  boolean reachesTarget(BigInteger size) {
    return reachesTarget(new MutableInt128().set(size));
  }

  /** The fee paid for closing {@code size}, in the {@code paid} register. */
  private MutableInt128 feePaid(MutableInt128 size) {
    feePerSize.applyTo(fee.set(size));
    seize.pay(fee, paid, null);
    return paid;
  }

  private boolean reachesTarget(MutableInt128 size) {
    feePerSize.applyTo(fee.set(size));
    seize.pay(fee, null, lost);
    equity.set(equityBefore).subtract(lost);
    if (pnlSign != 0 && Long.compareUnsigned(pnlPerSize.applyToWithRemainder(pnl.set(size)), pnlRemainder) > 0) {
      equity.subtract(pnl.set(pnlSign)); // the closed and the remaining part each lost a fraction of a wei
    }
    maintenancePerSize.applyTo(maintenance.set(fullSize).subtract(size)).add(maintenanceWithoutMarket);
    if (maintenance.isZero()) return true; // health uint256 max
    if (equity.signum() <= 0) return false; // health 0
    return MutableInt128.compareProducts(equity, WAD, maintenance, targetHealth) >= 0;
  }
}
