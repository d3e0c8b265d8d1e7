package io.collateralkeeper.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.fuzz.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;

/**
 * Property: whatever a keystore file holds, {@link WalletLoader#fromKeystore} returns the right signer or throws one
 * {@link KeeperException} line naming the file; never another exception, never the password or key in the message,
 * and never unbounded work (hostile scrypt parameters are refused before decrypting). Fixed seed.
 */
class KeystoreFuzzTest {
  private static final String PASSWORD = "fuzz-password-7f3a";
  private static final String KEY = KeyMaterial.DEV_ACCOUNT_1_KEY;
  private static String keystoreJson;
  @TempDir static Path tmp;
  private static Path passwordFile;

  @BeforeAll
  static void lightKeystore() throws Exception {
    // tiny scrypt parameters (n = 16, p = 1) so that a thousand decryptions take seconds
    WalletFile w = Wallet.create(PASSWORD, Credentials.create(KEY).getEcKeyPair(), 16, 1);
    keystoreJson = ObjectMapperFactory.getObjectMapper().writeValueAsString(w);
    passwordFile = Files.writeString(tmp.resolve("pw"), PASSWORD + "\n");
  }

  @Test
  void shouldAnswerEveryMutatedKeystoreWithTheSignerOrOneLine() throws IOException {
    Mutations m = new Mutations(20240805L);
    int refused = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 1500; i++) {
      String json = m.mutate(keystoreJson);
      Path file = Files.writeString(tmp.resolve("k" + i + ".json"), json);
      try {
        Signer s = WalletLoader.fromKeystore(file, passwordFile);
        assertThat(s.address()).as(json).isEqualTo(KeyMaterial.DEV_ACCOUNT_1_ADDRESS);
      } catch (KeeperException e) {
        refused++;
        assertClean(e, file, json);
      } catch (RuntimeException | OutOfMemoryError e) {
        throw new AssertionError("case " + i + " crashed with " + e + " on " + json, e);
      }
    }
    assertThat(refused).isGreaterThan(750);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(120));
  }

  @Test
  void shouldRefuseHostileKeyDerivationParametersBeforeDecrypting() throws IOException {
    List<String> hostile =
        List.of(
            keystoreJson.replaceAll("\"n\":\\d+", "\"n\":1073741824"), // 128 GiB of scrypt memory
            keystoreJson.replaceAll("\"n\":\\d+", "\"n\":2147483647"),
            keystoreJson.replaceAll("\"n\":\\d+", "\"n\":-4096"),
            keystoreJson.replaceAll("\"p\":\\d+", "\"p\":2000000000"),
            keystoreJson.replaceAll("\"r\":\\d+", "\"r\":65536"),
            keystoreJson.replace("\"dklen\":32", "\"dklen\":100000"),
            keystoreJson.replace("\"kdf\":\"scrypt\"", "\"kdf\":\"pbkdf2\"")
                .replaceAll("\"kdfparams\":\\{[^}]*}", "\"kdfparams\":{\"c\":2000000000,\"dklen\":32,\"prf\":\"hmac-sha256\",\"salt\":\"00\"}"),
            "{\"version\":3,\"crypto\":" + "[".repeat(100_00) + "]".repeat(100_00) + "}",
            " ".repeat(70 * 1024),
            // the MAC does not cover the IV: a damaged IV decrypts to another key, caught by the address check
            keystoreJson.replaceAll("\"iv\":\"[0-9a-f]+\"", "\"iv\":\"00000000000000000000000000000000\""));
    for (String json : hostile) assertThat(json).as("the replacement applied").isNotEqualTo(keystoreJson);
    for (String json : hostile) {
      Path file = Files.writeString(tmp.resolve("hostile.json"), json);
      long start = System.nanoTime();
      try {
        WalletLoader.fromKeystore(file, passwordFile);
        throw new AssertionError("accepted " + json.substring(0, Math.min(200, json.length())));
      } catch (KeeperException e) {
        assertClean(e, file, json);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  private static void assertClean(KeeperException e, Path file, String json) {
    assertThat(e.getMessage()).as(json).contains(file.toString()).doesNotContain("\n", "\r");
    for (Throwable t = e; t != null; t = t.getCause()) {
      String msg = String.valueOf(t.getMessage());
      assertThat(msg).as(json).doesNotContain(PASSWORD).doesNotContainIgnoringCase(KEY.substring(0, 16));
    }
  }
}
