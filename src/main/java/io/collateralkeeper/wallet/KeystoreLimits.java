package io.collateralkeeper.wallet;

import java.util.Optional;
import org.web3j.crypto.WalletFile;

/**
 * Bounds on a keystore's key-derivation parameters, checked before decrypting: a hostile or corrupted file must not
 * make the keeper allocate gigabytes (scrypt needs {@code 128 x n x r} bytes) or spin for hours. The bounds admit
 * every keystore geth, Foundry, ethers and web3j write (scrypt n up to 2^18 with r = 8 is 256 MiB).
 */
final class KeystoreLimits {
  /** Largest keystore file read, bytes. */
  static final long MAX_FILE_BYTES = 64 * 1024;
  /** Largest scrypt {@code n x r} (memory is 128 bytes times this: 512 MiB). */
  static final long MAX_SCRYPT_N_TIMES_R = 1L << 22;
  /** Largest scrypt parallelisation {@code p}. */
  static final int MAX_SCRYPT_P = 16;
  /** Largest PBKDF2 iteration count. */
  static final int MAX_PBKDF2_ROUNDS = 10_000_000;

  private KeystoreLimits() {}

  /**
   * Why the file's key-derivation parameters are refused, if they are; parameters web3j does not know are left to
   * its own checks (which report them as unsupported).
   */
  static Optional<String> violation(WalletFile wallet) {
    WalletFile.Crypto crypto = wallet.getCrypto();
    if (crypto == null) return Optional.empty();
    Object params = crypto.getKdfparams();
    if (params instanceof WalletFile.ScryptKdfParams s) {
      long n = s.getN();
      if (n < 2 || Long.bitCount(n) != 1) return Optional.of("scrypt n must be a power of two above 1");
      if (s.getR() < 1 || s.getP() < 1) return Optional.of("scrypt r and p must be positive");
      if (n * s.getR() > MAX_SCRYPT_N_TIMES_R) return Optional.of("scrypt parameters need more than 512 MiB");
      if (s.getP() > MAX_SCRYPT_P) return Optional.of("scrypt p above " + MAX_SCRYPT_P);
      if (s.getDklen() != 32) return Optional.of("derived key length must be 32");
    }
    if (params instanceof WalletFile.Aes128CtrKdfParams p) {
      if (p.getC() < 1 || p.getC() > MAX_PBKDF2_ROUNDS) return Optional.of("pbkdf2 rounds out of range");
      if (p.getDklen() != 32) return Optional.of("derived key length must be 32");
    }
    return Optional.empty();
  }
}
