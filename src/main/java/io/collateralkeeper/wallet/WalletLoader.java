package io.collateralkeeper.wallet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.stream.Collectors;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Numeric;

/**
 * Creates {@link Signer}s from encrypted Ethereum V3 keystores or from the well-known local
 * dev-chain accounts, and creates new keystores.
 *
 * <p>Every operator mistake is reported as a one-line {@link KeeperException} naming the file
 * involved. Messages never contain the password, the private key, or any content of the files
 * read (a file holding a raw private key that is passed as a keystore must not leak it).
 *
 * <h2>Scrypt parameters</h2>
 *
 * {@link #createKeystore} writes keystores with web3j's <em>standard</em> scrypt parameters (n =
 * 262144, r = 8, p = 1, the same as geth), not the "light" ones (n = 4096, p = 6). Measured with
 * web3j 5.0.2 on a 2-core machine, creating such a keystore takes about 0.75 s and decrypting it
 * about 0.7 s: well under the 2 s budget for work done once at startup. In exchange, every
 * password guess costs an attacker about 10 times the work and 64 times the memory of light
 * parameters. Decryption needs roughly 256 MiB of transient heap; so does any keystore made by
 * geth or Foundry.
 */
public final class WalletLoader {

  /** The chain id of a local Anvil or Hardhat dev chain, the only chain dev accounts work on. */
  public static final long DEV_CHAIN_ID = 31337L;

  /** The highest dev-account index accepted by {@link #devAccount(int, long)}. */
  public static final int MAX_DEV_ACCOUNT_INDEX = 999;

  /** The public mnemonic from which Anvil and Hardhat derive their funded dev accounts. */
  private static final String DEV_MNEMONIC =
      "test test test test test test test test test test test junk";

  /** Marks a BIP-32 path element as hardened (the {@code '} in {@code 44'}). */
  private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;

  /** {@code true}: web3j's standard scrypt parameters, see the class documentation. */
  private static final boolean STANDARD_SCRYPT = true;

  /** The message web3j's CipherException carries when the keystore MAC does not match. */
  private static final String WEB3J_WRONG_PASSWORD = "Invalid password provided";

  /** Operator-facing reasons for web3j's fixed "unsupported keystore" cipher messages. */
  private static final Map<String, String> UNSUPPORTED_KEYSTORE_REASONS =
      Map.of(
          "Wallet version is not supported",
          "unsupported keystore version (only version 3 is supported)",
          "Wallet cipher is not supported",
          "unsupported cipher (only aes-128-ctr is supported)",
          "KDF type is not supported",
          "unsupported key derivation function (only scrypt and pbkdf2 are supported)");

  /** Reads keystores the way web3j's {@code WalletUtils} does (unknown fields ignored). */
  private static final ObjectMapper KEYSTORE_JSON =
      new ObjectMapper()
          .configure(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES, true)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Not instantiable: static factories only. */
  private WalletLoader() {}

  /**
   * Decrypts an Ethereum V3 keystore.
   *
   * @param keystoreFile the keystore JSON file
   * @param passwordFile a file holding the password; one trailing line break is ignored
   * @return a signer for the keystore's account
   * @throws KeeperException if a file is missing or unreadable, the keystore is not a V3
   *     keystore, or the password is wrong
   */
  public static Signer fromKeystore(Path keystoreFile, Path passwordFile) {
    requireKeystoreFile(keystoreFile);
    String password = PasswordFile.read(passwordFile);
    try {
      WalletFile wallet = KEYSTORE_JSON.readValue(keystoreFile.toFile(), WalletFile.class);
      if (wallet == null) throw notAKeystore(keystoreFile, "unexpected JSON structure");
      var refused = KeystoreLimits.violation(wallet);
      if (refused.isPresent()) throw notAKeystore(keystoreFile, refused.get());
      Credentials credentials = Credentials.create(Wallet.decrypt(password, wallet));
      // The MAC does not cover the IV: a damaged IV decrypts to another key. The address field catches that.
      if (wallet.getAddress() != null
          && !Numeric.cleanHexPrefix(wallet.getAddress()).equalsIgnoreCase(Numeric.cleanHexPrefix(credentials.getAddress()))) {
        throw notAKeystore(keystoreFile, "the decrypted key does not match the keystore's address (damaged file)");
      }
      return new LocalSigner(credentials);
    } catch (KeeperException e) {
      throw e;
    } catch (JsonProcessingException e) {
      // Not chained: Jackson messages quote file content, which could be a raw private key.
      throw notAKeystore(keystoreFile, describe(e));
    } catch (IOException e) {
      throw new KeeperException(
          "cannot read keystore " + keystoreFile + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (CipherException e) {
      if (WEB3J_WRONG_PASSWORD.equals(e.getMessage())) {
        throw new KeeperException("wrong password for keystore " + keystoreFile, e);
      }
      // Not chained: some web3j cipher messages quote values from the file.
      throw notAKeystore(
          keystoreFile,
          UNSUPPORTED_KEYSTORE_REASONS.getOrDefault(
              e.getMessage(), "unsupported or malformed crypto parameters"));
    } catch (RuntimeException e) {
      // web3j does not validate the JSON; missing or malformed fields surface as NPEs, bad hex
      // or bad scrypt parameters. Not chained, because such messages may quote file content.
      throw notAKeystore(keystoreFile, "missing or malformed crypto fields");
    }
  }

  /**
   * Returns one of the funded accounts that Anvil and Hardhat create on a local dev chain,
   * derived from their public mnemonic at path {@code m/44'/60'/0'/0/index}.
   *
   * <p>These keys are public knowledge, so they are refused on any chain but
   * 31337 ({@link #DEV_CHAIN_ID}): funds sent to them on a real network are stolen immediately.
   *
   * @param index the account index, 0 to {@value #MAX_DEV_ACCOUNT_INDEX}; account 0 is {@code
   *     0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266}
   * @param chainId the chain id reported by the node the keeper is connected to
   * @return a signer for the dev account
   * @throws KeeperException if the chain is not a local dev chain or the index is out of range
   */
  public static Signer devAccount(int index, long chainId) {
    if (chainId != DEV_CHAIN_ID) {
      throw new KeeperException(
          "--dev-account is only allowed on a local dev chain (chain id "
              + DEV_CHAIN_ID
              + "), not on chain id "
              + chainId);
    }
    if (index < 0 || index > MAX_DEV_ACCOUNT_INDEX) {
      throw new KeeperException(
          "--dev-account index must be between 0 and " + MAX_DEV_ACCOUNT_INDEX + ", got " + index);
    }
    Bip32ECKeyPair master =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_MNEMONIC, ""));
    int[] path = {44 | HARDENED, 60 | HARDENED, 0 | HARDENED, 0, index};
    return new LocalSigner(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
  }

  /**
   * A fresh random key held in memory only (web3j {@code Keys.createEcKeyPair}, a {@code SecureRandom}): for keys
   * that carry no funds and need no continuity, such as a bundle relay identity when none is configured.
   *
   * @return a signer for a new random account
   * @throws KeeperException if the platform cannot generate a key
   */
  public static Signer ephemeral() {
    try {
      return new LocalSigner(Credentials.create(Keys.createEcKeyPair()));
    } catch (java.security.GeneralSecurityException e) {
      throw new KeeperException("cannot generate a key: " + e.getMessage());
    }
  }

  /**
   * Creates a new random account and stores it as an encrypted V3 keystore, with standard scrypt
   * parameters (see the class documentation). On POSIX file systems the file is made readable
   * by its owner only.
   *
   * @param dir the directory to write to; created if missing
   * @param passwordFile a file holding the new password; one trailing line break is ignored
   * @return the path of the new keystore file, named {@code UTC--<time>--<address>.json}
   * @throws KeeperException if the password file is missing, unreadable or empty, or the
   *     keystore cannot be written
   */
  public static Path createKeystore(Path dir, Path passwordFile) {
    String password = PasswordFile.read(passwordFile);
    if (password.isEmpty()) {
      throw new KeeperException(
          "password file "
              + passwordFile
              + " is empty; refusing to create an unprotected keystore");
    }
    ECKeyPair keyPair = newKeyPair();
    try {
      Files.createDirectories(dir);
      String name =
          WalletUtils.generateWalletFile(password, keyPair, dir.toFile(), STANDARD_SCRYPT);
      Path keystore = dir.resolve(name);
      restrictToOwner(keystore);
      return keystore;
    } catch (IOException e) {
      throw new KeeperException(
          "cannot write a keystore to " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (CipherException e) {
      throw new IllegalStateException("keystore encryption failed", e);
    }
  }

  /**
   * Generates a random secp256k1 key pair from a secure random source.
   *
   * @return the new key pair
   * @throws IllegalStateException if the JVM's crypto providers are broken
   */
  private static ECKeyPair newKeyPair() {
    try {
      return Keys.createEcKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key pair", e);
    }
  }

  /**
   * Makes a file readable and writable by its owner only, on file systems with POSIX
   * permissions; elsewhere does nothing.
   *
   * @param file the file to protect
   * @throws IOException if the permissions cannot be changed
   */
  private static void restrictToOwner(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /**
   * Checks that a keystore path names an existing, non-empty regular file.
   *
   * @param file the keystore path given by the operator
   * @throws KeeperException if it is missing, a directory, unreadable or empty
   */
  private static void requireKeystoreFile(Path file) {
    if (!Files.exists(file)) {
      throw new KeeperException("keystore not found: " + file);
    }
    if (Files.isDirectory(file)) {
      throw notAKeystore(file, "it is a directory");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new KeeperException(
          "cannot read keystore " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
    if (size == 0) {
      throw notAKeystore(file, "the file is empty");
    }
    if (size > KeystoreLimits.MAX_FILE_BYTES) {
      throw notAKeystore(file, "larger than " + KeystoreLimits.MAX_FILE_BYTES / 1024 + " KiB");
    }
  }

  /**
   * Builds the error for a file that is not a usable V3 keystore.
   *
   * @param file the keystore path
   * @param reason why, never quoting file content
   * @return the exception to throw
   */
  private static KeeperException notAKeystore(Path file, String reason) {
    return new KeeperException(file + " is not an Ethereum V3 keystore: " + reason);
  }

  /**
   * Describes a JSON error by position and field path only, never by the offending content.
   *
   * @param e the Jackson error raised while reading the keystore
   * @return a short reason such as {@code malformed JSON at line 1, column 6}
   */
  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    if (!(e instanceof JsonMappingException mapping)) {
      return "malformed JSON" + where;
    }
    if (mapping.getPath().isEmpty()) {
      return "unexpected JSON structure" + where;
    }
    String field =
        mapping.getPath().stream()
            .map(WalletLoader::fieldName)
            .collect(Collectors.joining("."));
    return "missing or invalid value for '" + field + "'" + where;
  }

  /**
   * Renders one element of a Jackson reference path.
   *
   * @param ref the path element
   * @return the field name, or {@code [index]} for an array element
   */
  private static String fieldName(JsonMappingException.Reference ref) {
    return ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]";
  }
}
