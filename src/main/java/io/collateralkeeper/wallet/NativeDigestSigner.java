package io.collateralkeeper.wallet;

import fr.acinq.secp256k1.Secp256k1;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Signs digests with native libsecp256k1 ({@code secp256k1_ecdsa_sign}: RFC 6979 nonce, low {@code s}), giving the
 * same signature as web3j about ten times faster. libsecp256k1's binding has no recoverable signing, so the recovery
 * id is the one of {0, 1} whose {@code secp256k1_ecdsa_recover} yields this key's public key (computed once); in the
 * practically impossible case that neither does, the digest is signed by web3j instead, which also tries ids 2 and 3.
 */
public final class NativeDigestSigner implements DigestSigner {
  private final Secp256k1 lib;
  /** The private key, 32 big-endian bytes; never printed. */
  private final byte[] privateKey;
  /** The public key, 65 bytes uncompressed ({@code 04 || x || y}). */
  private final byte[] publicKey;
  private final Web3jDigestSigner fallback;

  private NativeDigestSigner(Secp256k1 lib, byte[] privateKey, byte[] publicKey, ECKeyPair keys) {
    this.lib = lib;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.fallback = new Web3jDigestSigner(keys);
  }

  /**
   * A native signer for {@code keys}, or empty when libsecp256k1 rejects the private key or derives a different
   * public key than web3j holds (then web3j must sign).
   *
   * @param lib the loaded library ({@link Secp256k1Library#get()})
   * @param keys the key pair; its private key must be below the curve order
   */
  public static Optional<NativeDigestSigner> of(Secp256k1 lib, ECKeyPair keys) {
    Objects.requireNonNull(lib, "lib");
    if (keys.getPrivateKey().signum() <= 0 || keys.getPrivateKey().bitLength() > 256) return Optional.empty();
    byte[] privateKey = Numeric.toBytesPadded(keys.getPrivateKey(), 32);
    try {
      if (!lib.secKeyVerify(privateKey)) return Optional.empty();
      byte[] publicKey = lib.pubkeyCreate(privateKey);
      byte[] expected = new byte[65];
      expected[0] = 0x04;
      System.arraycopy(Numeric.toBytesPadded(keys.getPublicKey(), 64), 0, expected, 1, 64);
      if (!Arrays.equals(publicKey, expected)) return Optional.empty();
      return Optional.of(new NativeDigestSigner(lib, privateKey, publicKey, keys));
    } catch (RuntimeException e) { // Secp256k1Exception for a key libsecp256k1 refuses; never carries the key
      return Optional.empty();
    }
  }

  @Override
  public Sign.SignatureData sign(byte[] digest) {
    if (digest.length != 32) throw new IllegalArgumentException("digest must be 32 bytes, got " + digest.length);
    byte[] compact = lib.sign(digest, privateKey);
    for (int recId = 0; recId < 2; recId++) {
      if (Arrays.equals(recover(compact, digest, recId), publicKey)) {
        return new Sign.SignatureData(
            (byte) (27 + recId), Arrays.copyOfRange(compact, 0, 32), Arrays.copyOfRange(compact, 32, 64));
      }
    }
    return fallback.sign(digest);
  }

  /** The public key {@code compact} recovers to with {@code recId}; empty when there is none. */
  private byte[] recover(byte[] compact, byte[] digest, int recId) {
    try {
      return lib.ecdsaRecover(compact, digest, recId);
    } catch (RuntimeException e) { // Secp256k1Exception: no point for this recovery id
      return new byte[0];
    }
  }

  @Override
  public String implementation() {
    return "libsecp256k1";
  }

  @Override
  public String toString() {
    return "NativeDigestSigner";
  }
}
