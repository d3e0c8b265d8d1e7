package io.collateralkeeper.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.TxSigner;
import io.collateralkeeper.protocol.TxCall;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keystore and signing errors, rendered the way an operator or a log sees them (message, toString, the whole stack
 * trace with causes), never contain the private key or the password.
 */
class SecretsInErrorsTest {
  private static final Path KEYSTORE = Path.of("wallets.example", "devnet-keeper.json");
  private static final Path PASSWORD = Path.of("wallets.example", "devnet-keeper.password");
  @TempDir Path tmp;

  @Test
  void shouldKeepKeyAndPasswordOutOfKeystoreAndSigningErrors() throws IOException {
    String password = Files.readString(PASSWORD).strip();
    String json = Files.readString(KEYSTORE);
    List<Throwable> errors = new ArrayList<>();
    Path wrongPassword = Files.writeString(tmp.resolve("wrong"), password + "x");
    errors.add(failure(() -> WalletLoader.fromKeystore(KEYSTORE, wrongPassword)));
    Path damagedIv = Files.writeString(tmp.resolve("iv.json"), json.replaceAll("\"iv\":\"[0-9a-f]+\"", "\"iv\":\"" + "0".repeat(32) + "\""));
    errors.add(failure(() -> WalletLoader.fromKeystore(damagedIv, PASSWORD)));
    Path rawKey = Files.writeString(tmp.resolve("raw.json"), "{\"crypto\": 0x" + KeyMaterial.DEV_ACCOUNT_1_KEY + "}");
    errors.add(failure(() -> WalletLoader.fromKeystore(rawKey, PASSWORD)));
    Path keyAsPassword = Files.writeString(tmp.resolve("pw-is-key"), KeyMaterial.DEV_ACCOUNT_1_KEY);
    errors.add(failure(() -> WalletLoader.fromKeystore(KEYSTORE, keyAsPassword)));

    Signer signer = WalletLoader.fromKeystore(KEYSTORE, PASSWORD);
    TxSigner tx = new TxSigner(signer, 31337);
    FeeQuote fee = new FeeQuote(BigInteger.TEN, BigInteger.ONE, BigInteger.ONE);
    TxCall call = TxCall.of(Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), "0x12");
    errors.add(failure(() -> tx.sign(-1, call, BigInteger.valueOf(21_000), fee)));
    errors.add(failure(() -> tx.sign(0, TxCall.of(call.to(), "0xzz"), BigInteger.valueOf(21_000), fee)));
    errors.add(failure(() -> tx.sign(0, call, BigInteger.valueOf(-5), fee)));
    errors.add(failure(() -> tx.resign("0xdeadbeef", fee)));

    errors.removeIf(java.util.Objects::isNull);
    assertThat(errors).as("keystore errors and at least two signing errors").hasSizeGreaterThanOrEqualTo(6);
    for (Throwable e : errors) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      String text = (e + "\n" + trace).toLowerCase(Locale.ROOT);
      for (String key : KeyMaterial.renderings(signer)) assertThat(text).as(e.toString()).doesNotContain(key.toLowerCase(Locale.ROOT));
      assertThat(text).as(e.toString()).doesNotContain(password.toLowerCase(Locale.ROOT));
    }
    assertThat(signer.toString()).isEqualTo(KeyMaterial.DEV_ACCOUNT_1_ADDRESS);
  }

  /** The throwable {@code r} fails with; null (ignored) when it does not fail. */
  private static Throwable failure(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
