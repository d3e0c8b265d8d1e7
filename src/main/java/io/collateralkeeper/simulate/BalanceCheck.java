package io.collateralkeeper.simulate;

import java.math.BigInteger;
import java.util.List;

/**
 * The keeper's balances before and after a dry run, against what the receipts say: the ether spent must equal the
 * gas of every keeper transaction the journal settled (liquidations, approvals, cancellations), and the change in
 * token holdings, valued at the protocol's prices, must match the revenue read from the receipts' events.
 *
 * @param nativeSpentWei ether balance before minus after, wei
 * @param journaledGasWei gas used x effective price summed over every included keeper transaction, wei
 * @param tokens the token balances that changed
 * @param receiptRevenueUsdWad revenue of the won liquidations as their receipts' events show, USD wad
 */
public record BalanceCheck(
    BigInteger nativeSpentWei, BigInteger journaledGasWei, List<TokenChange> tokens, BigInteger receiptRevenueUsdWad) {
  /** A cent: how far token values and receipt revenue may differ (rounding; interest on aTokens). */
  public static final BigInteger TOLERANCE_USD_WAD = BigInteger.TEN.pow(16);

  /** The token changes valued in USD, summed, USD wad. */
  public BigInteger tokenValueChangeUsdWad() {
    return tokens.stream().map(TokenChange::deltaUsdWad).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** True when the ether spent is exactly the journaled gas and the token values match the revenue to a cent. */
  public boolean consistent() {
    return nativeSpentWei.equals(journaledGasWei)
        && tokenValueChangeUsdWad().subtract(receiptRevenueUsdWad).abs().compareTo(TOLERANCE_USD_WAD) <= 0;
  }
}
