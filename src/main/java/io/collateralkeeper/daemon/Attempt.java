package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.SentTx;
import java.math.BigInteger;

/**
 * A liquidation the keeper sent, and (once included) what came of it.
 *
 * @param tx the transaction
 * @param expectedRevenueUsdWad revenue expected before gas, USD wad
 * @param expectedGasCostUsdWad gas cost expected, USD wad
 * @param includedBlock block it was included in, or -1 while pending
 * @param success receipt status (false while pending or when reverted)
 * @param revenueUsdWad revenue the receipt shows, USD wad
 * @param gasCostWei gas used x effective gas price, wei
 * @param gasCostUsdWad the same in USD wad at the native price of inclusion
 */
public record Attempt(
    SentTx tx,
    BigInteger expectedRevenueUsdWad,
    BigInteger expectedGasCostUsdWad,
    long includedBlock,
    boolean success,
    BigInteger revenueUsdWad,
    BigInteger gasCostWei,
    BigInteger gasCostUsdWad) {

  static Attempt pending(SentTx tx, BigInteger revenue, BigInteger gasCost) {
    return new Attempt(tx, revenue, gasCost, -1, false, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  /** The account acted on. */
  public Address account() {
    return tx.account();
  }

  /** True once a receipt exists. */
  public boolean included() {
    return includedBlock >= 0;
  }

  /** True when included with a failed status. */
  public boolean reverted() {
    return included() && !success;
  }
}
