package io.collateralkeeper.wallet;

import static io.collateralkeeper.wallet.KeyMaterial.DEV_ACCOUNT_0_ADDRESS;
import static io.collateralkeeper.wallet.KeyMaterial.DEV_ACCOUNT_1_ADDRESS;
import static io.collateralkeeper.wallet.KeyMaterial.DEV_ACCOUNT_1_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Anvil/Hardhat dev accounts: derivation and the local-chain-only restriction. */
class DevAccountTest {

  private static final long ANVIL = 31337L;

  @Test
  void account0IsAnvilsFirstAccount() {
    assertThat(WalletLoader.devAccount(0, ANVIL).address()).isEqualTo(DEV_ACCOUNT_0_ADDRESS);
  }

  @Test
  void account1IsAnvilsSecondAccountWithItsPublishedKey() {
    Signer signer = WalletLoader.devAccount(1, ANVIL);

    assertThat(signer.address()).isEqualTo(DEV_ACCOUNT_1_ADDRESS);
    assertThat(KeyMaterial.renderings(signer).get(0)).isEqualTo(DEV_ACCOUNT_1_KEY);
  }

  @Test
  void account1MatchesTheShippedExampleKeystore() {
    Signer fromKeystore =
        WalletLoader.fromKeystore(
            Path.of("wallets.example", "devnet-keeper.json"),
            Path.of("wallets.example", "devnet-keeper.password"));

    Signer derived = WalletLoader.devAccount(1, ANVIL);

    assertThat(derived.address()).isEqualTo(fromKeystore.address());
    assertThat(derived.credentials().getEcKeyPair().getPrivateKey())
        .isEqualTo(fromKeystore.credentials().getEcKeyPair().getPrivateKey());
  }

  @Test
  void highestIndexIsAccepted() {
    assertThat(WalletLoader.devAccount(999, ANVIL).address()).matches("0x[0-9a-f]{40}");
  }

  @Test
  void toStringPrintsOnlyTheAddress() {
    Signer signer = WalletLoader.devAccount(0, ANVIL);

    assertThat(signer).hasToString(DEV_ACCOUNT_0_ADDRESS);
    for (String key : KeyMaterial.renderings(signer)) {
      assertThat(signer.toString()).doesNotContain(key);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 10L, 8453L, 11155111L, 31338L, 0L, -31337L})
  void refusedOnAnyOtherChain(long chainId) {
    assertThatThrownBy(() -> WalletLoader.devAccount(0, chainId))
        .isInstanceOf(KeeperException.class)
        .hasMessage(
            "--dev-account is only allowed on a local dev chain (chain id 31337), not on chain id "
                + chainId);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void indexOutOfRange(int index) {
    assertThatThrownBy(() -> WalletLoader.devAccount(index, ANVIL))
        .isInstanceOf(KeeperException.class)
        .hasMessage("--dev-account index must be between 0 and 999, got " + index);
  }
}
