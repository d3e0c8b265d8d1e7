package io.collateralkeeper.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading passwords from files: exactly one trailing line break is dropped. */
class PasswordFileTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "secret       | secret",
        "secret\\n     | secret",
        "secret\\r\\n   | secret",
        "secret\\n\\n   | secret\\n",
        "secret\\r\\n\\r\\n | secret\\r\\n",
        "secret\\r     | secret\\r",
        "\" secret \"  | \" secret \"",
        "\"\"          | \"\"",
        "\\n           | \"\""
      })
  void stripsExactlyOneTrailingLineBreak(String raw, String expected) throws IOException {
    Path file = Files.writeString(tmp.resolve("pw"), unescape(raw));

    assertThat(PasswordFile.read(file)).isEqualTo(unescape(expected));
  }

  @Test
  void missingFile() {
    Path missing = tmp.resolve("missing.password");

    assertThatThrownBy(() -> PasswordFile.read(missing))
        .isInstanceOf(KeeperException.class)
        .hasMessage("password file not found: " + missing);
  }

  @Test
  void directoryIsNotAPasswordFile() {
    assertThatThrownBy(() -> PasswordFile.read(tmp))
        .isInstanceOf(KeeperException.class)
        .hasMessage("password file " + tmp + " is not a regular file");
  }

  @Test
  void invalidUtf8IsRejectedWithoutEchoingTheContent() throws IOException {
    Path file = Files.write(tmp.resolve("latin1.password"), new byte[] {'p', 'w', (byte) 0xE9});

    assertThatThrownBy(() -> PasswordFile.read(file))
        .isInstanceOf(KeeperException.class)
        .hasMessage("password file " + file + " is not valid UTF-8");
  }

  private static String unescape(String text) {
    return text.replace("\\r", "\r").replace("\\n", "\n");
  }
}
