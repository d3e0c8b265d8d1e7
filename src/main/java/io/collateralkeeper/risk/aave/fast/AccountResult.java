package io.collateralkeeper.risk.aave.fast;

import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.fast.Int128;
import java.math.BigInteger;

/**
 * One account's {@code getUserAccountData} as {@link FastAaveMath} leaves it: in primitive fields when the fast path
 * computed it, else the {@link AaveAccountData} {@code AaveMath} returned. Mutable and reused between evaluations
 * (no allocation per account); not thread-safe. Base amounts are in the oracle's base currency (USD with 8
 * decimals on standard markets).
 */
public final class AccountResult {
  long totalCollateral;
  long totalDebt;
  /** Unsigned. */
  long availableBorrows;
  long threshold;
  long ltv;
  long healthHi;
  long healthLo;
  boolean noDebt;
  boolean zeroLtv;
  AaveAccountData exact;

  /** True when the fast path computed this result (false: {@code AaveMath} did). */
  public boolean fastPath() {
    return exact == null;
  }

  /** The health factor, wad; {@link Units#MAX_UINT256} without debt. */
  public BigInteger healthFactor() {
    if (exact != null) return exact.healthFactor();
    return noDebt ? Units.MAX_UINT256 : Int128.toBigInteger(healthHi, healthLo);
  }

  /** True when the health factor is below 1 (1e18 wad): the account can be liquidated. */
  public boolean liquidatable() {
    if (exact != null) return exact.liquidatable();
    return !noDebt && healthHi == 0 && Long.compareUnsigned(healthLo, Units.WAD.longValue()) < 0;
  }

  /** The result as {@code AaveMath} returns it, field for field. */
  public AaveAccountData toAccountData() {
    if (exact != null) return exact;
    return new AaveAccountData(
        BigInteger.valueOf(totalCollateral),
        BigInteger.valueOf(totalDebt),
        Int128.unsigned(availableBorrows),
        BigInteger.valueOf(threshold),
        BigInteger.valueOf(ltv),
        healthFactor(),
        zeroLtv);
  }

  void setExact(AaveAccountData data) {
    exact = data;
  }
}
