package io.collateralkeeper.wallet;

import java.util.Locale;
import java.util.Objects;
import org.web3j.crypto.Credentials;

/**
 * A {@link Signer} whose private key is held in memory, as decrypted from a keystore or derived
 * for a dev account by {@link WalletLoader}.
 *
 * <p>Deliberately not a record, so that {@link #toString()} cannot expose the credentials.
 */
final class LocalSigner implements Signer {

  /** The key pair; never printed. */
  private final Credentials credentials;

  /** The address, {@code 0x} plus 40 lowercase hex digits. */
  private final String address;

  /**
   * Wraps web3j credentials.
   *
   * @param credentials the credentials to sign with
   */
  LocalSigner(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.address = credentials.getAddress().toLowerCase(Locale.ROOT);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public Credentials credentials() {
    return credentials;
  }

  /**
   * Returns only the address, so that signers can be logged safely.
   *
   * @return {@link #address()}
   */
  @Override
  public String toString() {
    return address;
  }
}
