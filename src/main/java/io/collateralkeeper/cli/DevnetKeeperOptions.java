package io.collateralkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * What the commands that run a keeper on their own throw-away chain ({@code keeper demo}, {@code keeper bench})
 * share: the keeper's keystore (default: the example devnet keystore, dev account 1), the project directory, the
 * progress lines and quiet operator logs. A Picocli mixin.
 */
final class DevnetKeeperOptions {
  @Option(
      names = "--keystore",
      paramLabel = "FILE",
      description = "Keeper keystore (default: wallets.example/devnet-keeper.json, dev account 1).")
  Path keystore;

  @Option(names = "--password-file", paramLabel = "FILE", description = "Its password file.")
  Path passwordFile;

  /** The project directory (the launcher sets {@code keeper.home}). */
  static Path home() {
    return Path.of(System.getProperty("keeper.home", "."));
  }

  /** The keystore given, or the example devnet keeper's. */
  Path keystore() {
    return keystore != null ? keystore : home().resolve("wallets.example/devnet-keeper.json");
  }

  /** The password file given, or the example devnet keeper's. */
  Path passwordFile() {
    return passwordFile != null ? passwordFile : home().resolve("wallets.example/devnet-keeper.password");
  }

  /** Progress lines on {@code err}, each prefixed, e.g. {@code "demo: "}. */
  static Consumer<String> progress(PrintWriter err, String prefix) {
    return line -> {
      err.println(prefix + line);
      err.flush();
    };
  }

  /** The command's own lines only: the keeper's, pipeline's and relay's operator events stay below WARN. */
  static void quietOperatorLogs() {
    for (String name : new String[] {"io.collateralkeeper", "io.collateralkeeper.daemon.KeeperDaemon"}) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
