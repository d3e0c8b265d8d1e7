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
  /** {@code percentMul(totalCollateral, threshold)}, unsigned. */
  long adjustedCollateral;
  /** Unsigned. */
  long availableBorrows;
  long threshold;
  long ltv;
  boolean zeroLtv;
  /** False when only the health factor's inputs were computed. */
  boolean full;
  AaveAccountData exact;

  /** True when the fast path computed this result (false: {@code AaveMath} did). */
  public boolean fastPath() {
    return exact == null;
  }

  /** The health factor, wad; {@link Units#MAX_UINT256} without debt. */
  public BigInteger healthFactor() {
    return exact != null ? exact.healthFactor() : FastAaveMath.healthFactor(adjustedCollateral, totalDebt);
  }

  /** True when the health factor is below 1 (1e18 wad): the account can be liquidated. */
  public boolean liquidatable() {
    return exact != null ? exact.liquidatable() : FastAaveMath.liquidatable(adjustedCollateral, totalDebt);
  }

  /**
   * The result as {@code AaveMath} returns it, field for field.
   *
   * @throws IllegalStateException when the evaluation computed the health factor only
   */
  public AaveAccountData toAccountData() {
    if (exact != null) return exact;
    if (!full) throw new IllegalStateException("evaluated for the health factor only");
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
