package io.collateralkeeper.wallet;

import io.collateralkeeper.domain.Address;
import java.util.Objects;
import org.web3j.crypto.Credentials;

/**
 * An account the keeper acts as without its key, on an Anvil chain that impersonates it
 * ({@code anvil_impersonateAccount}): {@code keeper simulate} runs the keeper as the strategy's wallet address on a
 * local fork. Its transactions carry Anvil's placeholder signature and go out with {@code eth_sendTransaction}; no
 * real network accepts them.
 */
public final class ImpersonatedSigner implements Signer {
  private final Address address;

  private ImpersonatedSigner(Address address) {
    this.address = Objects.requireNonNull(address, "address");
  }

  /** Acts as {@code address} on an Anvil chain that impersonates it. */
  public static ImpersonatedSigner of(Address address) {
    return new ImpersonatedSigner(address);
  }

  @Override
  public String address() {
    return address.hex();
  }

  /**
   * There is no key.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public Credentials credentials() {
    throw new UnsupportedOperationException(
        "impersonated account " + address + " has no key: only an Anvil chain that impersonates it accepts its transactions");
  }

  @Override
  public boolean impersonated() {
    return true;
  }

  @Override
  public String toString() {
    return address.hex() + " (impersonated)";
  }
}
