package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;

/**
 * {@link CloseProbe} that applies {@link VaultMath#liquidate} and {@link VaultMath#healthFactor} at every probe: the
 * definition of the answers, in BigInteger arithmetic, for values beyond the 128-bit {@link FastCloseProbe}. About
 * 2 µs per probe.
 */
final class ExactCloseProbe implements CloseProbe {
  private final VaultConfig config;
  private final VaultAccount account;
  private final VaultPrices prices;
  private final int marketId;
  private final BigInteger targetHealth;
  private final BigInteger full;

  /**
   * @param marketId market whose position is closed; the account must hold one
   * @param targetHealth health factor to reach, wad
   */
  ExactCloseProbe(VaultConfig config, VaultAccount account, VaultPrices prices, int marketId, BigInteger targetHealth) {
    this.config = config;
    this.account = account;
    this.prices = prices;
    this.marketId = marketId;
    this.targetHealth = targetHealth;
    this.full = account.sizes().get(marketId).abs();
  }

  @Override
  public BigInteger full() {
    return full;
  }

  @Override
  public BigInteger smallestReachingTarget() {
    if (!reachesTarget(full)) return full;
    BigInteger lo = BigInteger.ZERO;
    BigInteger hi = full;
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      BigInteger mid = lo.add(hi).shiftRight(1);
      if (reachesTarget(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  @Override
  public BigInteger smallestPaying(BigInteger from, BigInteger minRevenue) {
    BigInteger lo = from;
    BigInteger hi = full;
    if (feePaid(hi).compareTo(minRevenue) < 0 || lo.equals(hi)) return hi;
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      BigInteger mid = lo.add(hi).shiftRight(1);
      if (feePaid(mid).compareTo(minRevenue) >= 0) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  @Override
  public BigInteger feePaid(BigInteger size) {
    return VaultMath.liquidate(config, account, prices, marketId, size).feePaid();
  }

  /** True when closing {@code size} leaves a health factor of at least the target. */
  boolean reachesTarget(BigInteger size) {
    VaultAccount after = VaultMath.liquidate(config, account, prices, marketId, size).after();
    return VaultMath.healthFactor(config, after, prices).compareTo(targetHealth) >= 0;
  }
}
