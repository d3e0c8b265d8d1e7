package io.collateralkeeper.risk;

import java.math.BigInteger;
import java.util.List;

/**
 * What {@code CrossMarginVault.liquidate} does to an account, computed locally.
 *
 * @param after the account state after the call
 * @param closed size closed, unsigned base-asset wad
 * @param price mark price used, USD 8 decimals
 * @param realizedPnl PnL realized into cash, signed USD wad
 * @param fee the liquidation fee owed, USD wad
 * @param feePaid the fee actually paid from collateral (at most {@code fee}), USD wad
 * @param seized collateral paid to the liquidator, token units by collateral id
 */
public record LiquidationOutcome(
    VaultAccount after,
    BigInteger closed,
    BigInteger price,
    BigInteger realizedPnl,
    BigInteger fee,
    BigInteger feePaid,
    List<BigInteger> seized) {}
