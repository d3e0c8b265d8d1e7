package io.collateralkeeper.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating new encrypted keystores for operators. */
class CreateKeystoreTest {

  @TempDir Path tmp;

  @Test
  void createsAKeystoreThatLoadsBackWithTheSamePassword() throws IOException {
    Path passwordFile = Files.writeString(tmp.resolve("keeper.password"), "correct horse\n");
    Path dir = tmp.resolve("wallets/nested");

    Path keystore = WalletLoader.createKeystore(dir, passwordFile);

    assertThat(keystore).isRegularFile().hasParent(dir);
    assertThat(keystore.getFileName().toString()).startsWith("UTC--").endsWith(".json");
    assertThat(Files.readString(keystore))
        .contains("\"version\":3")
        .contains("\"n\":262144")
        .doesNotContain("correct horse");
    Signer signer = WalletLoader.fromKeystore(keystore, passwordFile);
    assertThat(keystore.getFileName().toString()).endsWith(signer.address().substring(2) + ".json");
  }

  @Test
  void keystoreIsReadableByItsOwnerOnly() throws IOException {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path passwordFile = Files.writeString(tmp.resolve("keeper.password"), "pw");

    Path keystore = WalletLoader.createKeystore(tmp, passwordFile);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)))
        .isEqualTo("rw-------");
  }

  @Test
  void refusesAnEmptyPassword() throws IOException {
    Path passwordFile = Files.writeString(tmp.resolve("empty.password"), "\n");

    assertThatThrownBy(() -> WalletLoader.createKeystore(tmp, passwordFile))
        .isInstanceOf(KeeperException.class)
        .hasMessage(
            "password file "
                + passwordFile
                + " is empty; refusing to create an unprotected keystore");
  }

  @Test
  void missingPasswordFile() {
    Path missing = tmp.resolve("missing.password");

    assertThatThrownBy(() -> WalletLoader.createKeystore(tmp, missing))
        .isInstanceOf(KeeperException.class)
        .hasMessage("password file not found: " + missing);
  }
}
