package io.collateralkeeper.wallet;

import org.web3j.crypto.Credentials;

/**
 * The account the keeper signs its transactions with.
 *
 * <p>Implementations hold key material, so their {@code toString()} must print only the {@link
 * #address() address}, never the key.
 */
public interface Signer {

  /**
   * Returns the account's address.
   *
   * @return the address as {@code 0x} followed by 40 lowercase hex digits
   */
  String address();

  /**
   * Returns the web3j credentials used to sign transactions (with web3j's {@code
   * TransactionEncoder}).
   *
   * <p>The result contains the private key: pass it to signing code only, never log or print it.
   *
   * @return the credentials for {@link #address()}
   */
  Credentials credentials();

  /**
   * True when there is no key and an Anvil chain impersonates the account ({@link ImpersonatedSigner}): transactions
   * then carry Anvil's placeholder signature and are sent with {@code eth_sendTransaction}.
   *
   * @return false for a real key
   */
  default boolean impersonated() {
    return false;
  }
}
