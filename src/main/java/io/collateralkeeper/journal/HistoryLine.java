package io.collateralkeeper.journal;

import java.math.BigInteger;
import java.time.LocalDate;

/**
 * One line of {@code keeper history}: a UTC day and a protocol.
 *
 * @param day UTC date of the intents (or, without an intent, of the transactions)
 * @param protocol protocol name, {@code "-"} for gap-filling cancellations
 * @param attempts intents opened
 * @param wins intents whose transaction was included and succeeded
 * @param reverts our transactions included with a failed status
 * @param profitUsdWad realized revenue minus gas of every included transaction, USD wad
 * @param gasUsdWad gas paid, USD wad at inclusion
 * @param gasWei gas paid, wei
 */
public record HistoryLine(
    LocalDate day,
    String protocol,
    int attempts,
    int wins,
    int reverts,
    BigInteger profitUsdWad,
    BigInteger gasUsdWad,
    BigInteger gasWei) {}
