package io.collateralkeeper.journal;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A signed transaction to journal before it is broadcast.
 *
 * @param hash transaction hash, 0x-hex (keccak of the signed envelope)
 * @param intentId the intent it serves; empty for a cancellation that fills a nonce gap
 * @param chainId chain id it is signed for
 * @param signer sending address
 * @param nonce sender nonce (EIP-2681 keeps it below 2^64 - 1; a long suffices in practice)
 * @param kind contract call or cancellation
 * @param maxFeeWei maxFeePerGas, wei
 * @param tipWei maxPriorityFeePerGas, wei
 * @param gasLimit gas limit, gas units
 * @param route public mempool or bundle
 * @param rawSignedHex the signed envelope, 0x-hex (public data: it can be re-broadcast after a crash)
 * @param sentBlock the head block when it was signed
 */
public record NewTx(
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
    long sentBlock) {
  public NewTx {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(intentId, "intentId");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(maxFeeWei, "maxFeeWei");
    Objects.requireNonNull(tipWei, "tipWei");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(rawSignedHex, "rawSignedHex");
    if (nonce < 0) throw new IllegalArgumentException("negative nonce");
  }

  /** The same transaction attached to an intent. */
  public NewTx forIntent(long id) {
    return new NewTx(
        hash, OptionalLong.of(id), chainId, signer, nonce, kind, maxFeeWei, tipWei, gasLimit, route, rawSignedHex,
        sentBlock);
  }
}
