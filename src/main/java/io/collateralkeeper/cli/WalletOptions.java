package io.collateralkeeper.cli;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which key signs: {@code --keystore} with {@code --password-file}, or {@code --dev-account N} on a dev chain. Flags
 * beat {@code KEEPER_KEYSTORE} / {@code KEEPER_PASSWORD_FILE}, which beat the strategy file's {@code wallet} keys.
 * Keys are never taken on the command line.
 */
public final class WalletOptions {
  @Option(names = "--keystore", paramLabel = "FILE", description = "Encrypted V3 keystore (overrides wallet.keystore).")
  Path keystore;

  @Option(names = "--password-file", paramLabel = "FILE", description = "File with the keystore password.")
  Path passwordFile;

  @Option(
      names = "--dev-account",
      paramLabel = "N",
      description = "Use Anvil's well-known dev account N (chain id 31337 only).")
  Integer devAccount;

  /**
   * Loads the signer.
   *
   * @throws KeeperException when no wallet is configured or it cannot be opened
   */
  Signer load(StrategyConfig config, long chainId) {
    if (devAccount != null) return WalletLoader.devAccount(devAccount, chainId);
    Path ks = keystore != null ? keystore : env("KEEPER_KEYSTORE");
    Path pw = passwordFile != null ? passwordFile : env("KEEPER_PASSWORD_FILE");
    if (config.wallet() != null) {
      if (ks == null) ks = Path.of(config.wallet().keystore());
      if (pw == null) pw = Path.of(config.wallet().passwordFile());
    }
    if (ks == null) {
      throw new KeeperException("no wallet: give --keystore and --password-file, or a 'wallet' section in the strategy");
    }
    if (pw == null) throw new KeeperException("no password file for keystore " + ks + ": give --password-file");
    return WalletLoader.fromKeystore(ks, pw);
  }

  private static Path env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : Path.of(v);
  }
}
