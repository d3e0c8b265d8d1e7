package io.collateralkeeper.journal;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * A journaled transaction (a row of {@code txs}); the fields are those of {@link NewTx} plus its state.
 *
 * @param hash transaction hash, 0x-hex
 * @param intentId the intent it serves; empty for a gap-filling cancellation
 * @param chainId chain id
 * @param signer sending address
 * @param nonce sender nonce
 * @param kind contract call or cancellation
 * @param maxFeeWei maxFeePerGas, wei
 * @param tipWei maxPriorityFeePerGas, wei
 * @param gasLimit gas limit
 * @param route public mempool or bundle
 * @param rawSignedHex the signed envelope, 0x-hex
 * @param signedMs when it was journaled, epoch milliseconds
 * @param sentBlock head block when it was signed (or last re-broadcast after a restart)
 * @param status current status
 */
public record TxRecord(
    String hash,
    OptionalLong intentId,
    long chainId,
    Address signer,
    long nonce,
    TxKind kind,
    BigInteger maxFeeWei,
    BigInteger tipWei,
    BigInteger gasLimit,
    Route route,
    String rawSignedHex,
    long signedMs,
    long sentBlock,
    TxStatus status) {}
