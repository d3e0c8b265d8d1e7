package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.strategy.protect.ProtectOption;
import java.math.BigInteger;

/**
 * A protect transaction submitted at a block.
 *
 * @param account the account
 * @param option the sized action
 * @param targetWad the band's target when it was sized
 * @param txHash the transaction
 */
public record SentAction(Address account, ProtectOption option, BigInteger targetWad, String txHash) {}
