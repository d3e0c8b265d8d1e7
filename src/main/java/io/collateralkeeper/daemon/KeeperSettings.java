package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.time.Duration;

/**
 * The daemon's resolved settings.
 *
 * @param chainId expected chain id
 * @param startBlock first block to index events from
 * @param minProfitUsdWad smallest expected net profit worth sending, USD wad
 * @param gasLimitBufferBps margin over the simulated gas, bps
 * @param nativeUsdFeed feed pricing the native coin in USD (8 decimals)
 * @param pollInterval head polling interval
 * @param coinbasePayment pay bundle bids to {@code block.coinbase} from the executor where the adapter can
 * @param fullRefreshBlocks re-read every account every this many blocks; 0 = never (only the accounts the blocks'
 *     events touch are re-read, after the first head and after a reorg)
 */
public record KeeperSettings(
    long chainId,
    long startBlock,
    BigInteger minProfitUsdWad,
    long gasLimitBufferBps,
    Address nativeUsdFeed,
    Duration pollInterval,
    boolean coinbasePayment,
    long fullRefreshBlocks) {}
