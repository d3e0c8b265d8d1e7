package io.collateralkeeper.protocol;

/**
 * Re-encodes a planned call so that it also pays {@code block.coinbase} after its profit check (a bundle bid paid from
 * the executor's own ether; see {@code FlashLiquidator.Liquidation.coinbaseWei}).
 */
@FunctionalInterface
public interface CoinbasePayment {
  /**
   * @param wei the payment to {@code block.coinbase}, wei
   * @return the same call with the payment
   */
  TxCall paying(java.math.BigInteger wei);
}
