package io.collateralkeeper.execution.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import org.junit.jupiter.api.Test;

/** The relay identity is a separate key by default, and never printed. */
class BundleIdentityTest {
  private final Signer funds = WalletLoader.devAccount(1, 31337);
  private final Signer identity = WalletLoader.devAccount(9, 31337);

  @Test
  void shouldRefuseTheFundsKeyAsIdentityUnlessExplicitlyAllowed() {
    assertThatThrownBy(() -> BundleIdentity.separateFrom(funds, Address.of(funds.address())))
        .isInstanceOf(KeeperException.class)
        .hasMessageContaining("is the funds key");
    assertThat(BundleIdentity.sameAsFunds(funds).address()).isEqualTo(Address.of(funds.address()));
  }

  @Test
  void shouldPrintOnlyTheAddress() {
    BundleIdentity id = BundleIdentity.separateFrom(identity, Address.of(funds.address()));
    String key = identity.credentials().getEcKeyPair().getPrivateKey().toString(16);
    assertThat(id.toString()).isEqualTo("bundle identity " + identity.address()).doesNotContain(key);
  }
}
