package io.collateralkeeper.execution;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/**
 * A transaction the keeper signed and broadcast.
 *
 * @param hash transaction hash, 0x-hex
 * @param nonce sender nonce
 * @param account the account it acts on
 * @param gasLimit gas limit
 * @param fee fee fields
 * @param sentAtBlock head block when it was sent
 */
public record SentTx(String hash, BigInteger nonce, Address account, BigInteger gasLimit, FeeQuote fee, long sentAtBlock) {}
