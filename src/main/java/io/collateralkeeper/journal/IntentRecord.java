package io.collateralkeeper.journal;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/**
 * A journaled intent (a row of {@code intents}).
 *
 * @param id row id
 * @param createdMs when it was opened, epoch milliseconds
 * @param chainId chain id
 * @param protocol protocol name
 * @param account the account acted on
 * @param action what is done
 * @param key the stable intent key {@code protocol:account:action}
 * @param expectedProfitUsdWad expected profit after gas, USD wad
 * @param status current status
 */
public record IntentRecord(
    long id,
    long createdMs,
    long chainId,
    String protocol,
    Address account,
    String action,
    String key,
    BigInteger expectedProfitUsdWad,
    IntentStatus status) {}
