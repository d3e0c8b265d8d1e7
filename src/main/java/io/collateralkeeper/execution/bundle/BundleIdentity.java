package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.Signer;
import org.web3j.crypto.ECKeyPair;

/**
 * The key that signs relay requests ({@link FlashbotsSignature}): a searcher's reputation, not its money. It is a
 * separate key (a dev account or a keystore) and refused when it is the funds key, unless explicitly allowed.
 * {@link #toString()} prints the address only; the key is never logged.
 */
public final class BundleIdentity {
  private final Signer signer;
  private final Address address;

  private BundleIdentity(Signer signer) {
    this.signer = signer;
    this.address = Address.of(signer.address());
  }

  /**
   * An identity key that must differ from the funds key.
   *
   * @param identity the relay identity signer
   * @param funds the address that signs and pays for the transactions
   * @throws KeeperException when the identity is the funds key
   */
  public static BundleIdentity separateFrom(Signer identity, Address funds) {
    BundleIdentity id = new BundleIdentity(identity);
    if (id.address.equals(funds)) {
      throw new KeeperException(
          "the bundle identity key is the funds key " + funds + ": use a separate key (it only signs relay requests)");
    }
    return id;
  }

  /** Signs relay requests with the funds key itself: an explicit opt-in, never the default. */
  public static BundleIdentity sameAsFunds(Signer funds) {
    return new BundleIdentity(funds);
  }

  /** The identity's address (what the relay sees). */
  public Address address() {
    return address;
  }

  /** The key pair, for {@link FlashbotsSignature#header}; never log it. */
  ECKeyPair keyPair() {
    return signer.credentials().getEcKeyPair();
  }

  @Override
  public String toString() {
    return "bundle identity " + address;
  }
}
