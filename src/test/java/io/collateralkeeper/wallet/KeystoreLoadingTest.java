package io.collateralkeeper.wallet;

import static io.collateralkeeper.wallet.KeyMaterial.DEV_ACCOUNT_1_ADDRESS;
import static io.collateralkeeper.wallet.KeyMaterial.DEV_ACCOUNT_1_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading signers from encrypted V3 keystores, including every operator mistake. */
class KeystoreLoadingTest {

  private static final Path EXAMPLE_KEYSTORE = Path.of("wallets.example", "devnet-keeper.json");
  private static final Path EXAMPLE_PASSWORD = Path.of("wallets.example", "devnet-keeper.password");

  @TempDir Path tmp;

  @Test
  void loadsTheShippedExampleKeystore() {
    Signer signer = WalletLoader.fromKeystore(EXAMPLE_KEYSTORE, EXAMPLE_PASSWORD);

    assertThat(signer.address()).isEqualTo(DEV_ACCOUNT_1_ADDRESS);
    assertThat(signer.credentials().getAddress()).isEqualTo(DEV_ACCOUNT_1_ADDRESS);
    assertThat(KeyMaterial.renderings(signer)).contains(DEV_ACCOUNT_1_KEY);
  }

  @Test
  void toStringPrintsOnlyTheAddress() {
    Signer signer = WalletLoader.fromKeystore(EXAMPLE_KEYSTORE, EXAMPLE_PASSWORD);

    assertThat(signer.toString()).isEqualTo(DEV_ACCOUNT_1_ADDRESS);
    for (String key : KeyMaterial.renderings(signer)) {
      assertThat(signer.toString()).doesNotContain(key);
    }
  }

  @Test
  void wrongPasswordNamesTheFileButNeitherPasswordNorKey() throws IOException {
    Path passwordFile = write("wrong.password", "not-the-devnet-password\n");

    assertThatThrownBy(() -> WalletLoader.fromKeystore(EXAMPLE_KEYSTORE, passwordFile))
        .isInstanceOf(KeeperException.class)
        .hasMessage("wrong password for keystore " + EXAMPLE_KEYSTORE)
        .message()
        .doesNotContain("not-the-devnet-password")
        .doesNotContain("devnet-only-password")
        .doesNotContainIgnoringCase(DEV_ACCOUNT_1_KEY);
  }

  @Test
  void missingKeystore() {
    Path missing = tmp.resolve("nope.json");

    assertThatThrownBy(() -> WalletLoader.fromKeystore(missing, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .hasMessage("keystore not found: " + missing);
  }

  @Test
  void missingPasswordFile() {
    Path missing = tmp.resolve("nope.password");

    assertThatThrownBy(() -> WalletLoader.fromKeystore(EXAMPLE_KEYSTORE, missing))
        .isInstanceOf(KeeperException.class)
        .hasMessage("password file not found: " + missing);
  }

  @Test
  void keystoreThatIsADirectory() {
    assertThatThrownBy(() -> WalletLoader.fromKeystore(tmp, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .hasMessage(tmp + " is not an Ethereum V3 keystore: it is a directory");
  }

  @Test
  void emptyKeystoreFile() throws IOException {
    Path keystore = write("empty.json", "");

    assertThatThrownBy(() -> WalletLoader.fromKeystore(keystore, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .hasMessage(keystore + " is not an Ethereum V3 keystore: the file is empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[1, 2, 3]",
        "{\"version\": \"three\"}",
        "{\"hello\": \"world\"}",
        "{\"version\": 3}",
        "{\"version\": 3, \"crypto\": {\"cipher\": \"aes-128-ctr\", \"kdf\": \"scrypt\"}}",
        "{\"version\": 3, \"crypto\": {\"cipher\": \"aes-128-ctr\", \"kdf\": \"scrypt\","
            + " \"kdfparams\": {\"n\": 3, \"r\": 8, \"p\": 1, \"dklen\": 32, \"salt\": \"zz\"},"
            + " \"ciphertext\": \"zz\", \"mac\": \"00\", \"cipherparams\": {\"iv\": \"00\"}}}"
      })
  void garbageIsReportedAsNotAKeystoreOnOneLine(String content) throws IOException {
    Path keystore = write("garbage.json", content);

    assertThatThrownBy(() -> WalletLoader.fromKeystore(keystore, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .message()
        .startsWith(keystore + " is not an Ethereum V3 keystore: ")
        .doesNotContain("\n", "\r");
  }

  @Test
  void unsupportedVersionIsExplained() throws IOException {
    Path keystore = write("v1.json", "{\"version\": 1}");

    assertThatThrownBy(() -> WalletLoader.fromKeystore(keystore, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .hasMessage(
            keystore
                + " is not an Ethereum V3 keystore:"
                + " unsupported keystore version (only version 3 is supported)");
  }

  @Test
  void malformedJsonIsLocatedByLineAndColumn() throws IOException {
    Path keystore = write("broken.json", "{\n  \"version\" 3\n}");

    assertThatThrownBy(() -> WalletLoader.fromKeystore(keystore, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .hasMessage(
            keystore + " is not an Ethereum V3 keystore: malformed JSON at line 2, column 13");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        DEV_ACCOUNT_1_KEY,
        "0x" + DEV_ACCOUNT_1_KEY + "\n",
        "key" + DEV_ACCOUNT_1_KEY,
        "{\"privateKey\": \"0x" + DEV_ACCOUNT_1_KEY + "\"}",
        "{\"version\": 3, \"crypto\": " + DEV_ACCOUNT_1_KEY + "}"
      })
  void rawPrivateKeyPassedAsKeystoreIsNotEchoed(String content) throws IOException {
    Path keystore = write("raw-key.txt", content);

    assertThatThrownBy(() -> WalletLoader.fromKeystore(keystore, EXAMPLE_PASSWORD))
        .isInstanceOf(KeeperException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith(keystore + " is not"))
        .satisfies(e -> assertNoKeyAnywhere(e, DEV_ACCOUNT_1_KEY.substring(0, 16)));
  }

  private static void assertNoKeyAnywhere(Throwable error, String keyFragment) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContainIgnoringCase(keyFragment);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content);
  }
}
