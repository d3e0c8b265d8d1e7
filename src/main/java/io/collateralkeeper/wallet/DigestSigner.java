package io.collateralkeeper.wallet;

import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Signs 32-byte message digests with one secp256k1 key: the ECDSA step of web3j's {@code
 * TransactionEncoder.signMessage}, without the encoding around it.
 *
 * <p>Every implementation gives the signature web3j's {@link Sign#signMessage(byte[], ECKeyPair, boolean)} gives for
 * the same digest and key (RFC 6979 deterministic nonce, low {@code s}), so a transaction signed by any of them is
 * byte-identical. Implementations hold the private key and never print it.
 */
public interface DigestSigner {

  /**
   * Signs {@code digest}.
   *
   * @param digest the 32-byte hash to sign (for a transaction: keccak-256 of its signing payload)
   * @return {@code v} = 27 + recovery id (one byte), {@code r} and {@code s} as 32 big-endian bytes each
   * @throws IllegalArgumentException when {@code digest} is not 32 bytes
   */
  Sign.SignatureData sign(byte[] digest);

  /** Which ECDSA implementation signs: {@code "libsecp256k1"} or {@code "web3j"}. */
  String implementation();

  /**
   * The fastest signer for {@code keys}: native libsecp256k1 when {@link Secp256k1Library} loaded and agrees with
   * web3j on the key's public key, otherwise web3j.
   *
   * @param keys the key pair to sign with
   * @return a signer for {@code keys}
   */
  static DigestSigner forKey(ECKeyPair keys) {
    Optional<NativeDigestSigner> fast = Secp256k1Library.get().flatMap(lib -> NativeDigestSigner.of(lib, keys));
    return fast.isPresent() ? fast.get() : new Web3jDigestSigner(keys);
  }
}
