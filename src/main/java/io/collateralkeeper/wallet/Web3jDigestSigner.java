package io.collateralkeeper.wallet;

import java.util.Objects;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Signs digests with web3j's Bouncy Castle ECDSA ({@link Sign#signMessage(byte[], ECKeyPair, boolean)} with no
 * hashing): exactly what {@code TransactionEncoder.signMessage} does after hashing. The fallback when libsecp256k1
 * is unavailable.
 */
public final class Web3jDigestSigner implements DigestSigner {
  private final ECKeyPair keys;

  /** @param keys the key pair to sign with; never printed */
  public Web3jDigestSigner(ECKeyPair keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public Sign.SignatureData sign(byte[] digest) {
    if (digest.length != 32) throw new IllegalArgumentException("digest must be 32 bytes, got " + digest.length);
    return Sign.signMessage(digest, keys, false);
  }

  @Override
  public String implementation() {
    return "web3j";
  }

  @Override
  public String toString() {
    return "Web3jDigestSigner";
  }
}
