package io.collateralkeeper.wallet;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads keystore passwords from files, so that they never appear on the command line or in the
 * process environment.
 */
final class PasswordFile {

  /** Not instantiable: static helpers only. */
  private PasswordFile() {}

  /**
   * Reads a UTF-8 password file.
   *
   * <p>Exactly one trailing line break ({@code \n} or {@code \r\n}) is removed, since editors and
   * {@code echo} add one; everything else, including other whitespace, is part of the password.
   *
   * @param file the password file
   * @return the password, possibly empty
   * @throws KeeperException if the file is missing, not a regular file, unreadable or not UTF-8
   */
  static String read(Path file) {
    if (!Files.exists(file)) {
      throw new KeeperException("password file not found: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new KeeperException("password file " + file + " is not a regular file");
    }
    try {
      return stripOneLineBreak(Files.readString(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      throw new KeeperException("password file " + file + " is not valid UTF-8");
    } catch (IOException e) {
      throw new KeeperException(
          "cannot read password file " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Removes one trailing {@code \r\n} or {@code \n}, if present.
   *
   * @param text the raw file content
   * @return the content without its final line break
   */
  static String stripOneLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }
}
