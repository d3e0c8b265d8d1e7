package io.collateralkeeper.execution;

import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.TxRecord;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Values an included transaction in USD from its receipt: the protocol adapter reads the realized revenue from the
 * receipt's events, and gas is priced at the native token's price.
 */
@FunctionalInterface
public interface ReceiptValuer {
  /** Values nothing: revenue and gas both $0 (for tests and tools without a price feed). */
  ReceiptValuer NONE = (receipt, gasCostWei, tx, intent) -> new Valuation(BigInteger.ZERO, BigInteger.ZERO);

  /**
   * @param receipt the receipt
   * @param gasCostWei gas used x effective gas price, wei
   * @param tx the journaled transaction it belongs to
   * @param intent its intent, empty for a gap-filling cancellation
   * @return realized revenue and gas cost, USD wad
   */
  Valuation value(TransactionReceipt receipt, BigInteger gasCostWei, TxRecord tx, Optional<IntentRecord> intent);

  /**
   * @param revenueUsdWad revenue read from the receipt's events, USD wad (0 for a revert or a cancellation)
   * @param gasCostUsdWad gas paid in USD at inclusion, USD wad
   */
  record Valuation(BigInteger revenueUsdWad, BigInteger gasCostUsdWad) {}
}
