package io.collateralkeeper.devnet;

import io.collateralkeeper.KeeperException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Anvil binary: {@code KEEPER_ANVIL} if set, else an {@code anvil} on PATH (Foundry users), else the pinned
 * npm package {@code @foundry-rs/anvil-linux-amd64} under the project's {@code node_modules}.
 */
public final class AnvilBinary {
  static final String NPM_PATH = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

  private AnvilBinary() {}

  /**
   * Locates Anvil.
   *
   * @param projectDir the project root (where node_modules lives)
   * @throws KeeperException when no Anvil can be found, naming the fix
   */
  public static Path locate(Path projectDir) {
    String env = System.getenv("KEEPER_ANVIL");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (Files.isExecutable(p)) return p;
      throw new KeeperException("KEEPER_ANVIL=" + env + " is not an executable file");
    }
    Optional<Path> onPath = onPath("anvil");
    if (onPath.isPresent()) return onPath.get();
    Path npm = projectDir.resolve(NPM_PATH);
    if (Files.isExecutable(npm)) return npm;
    throw new KeeperException(
        "anvil not found: run 'npm ci' in " + projectDir.toAbsolutePath() + " or put Foundry's anvil on PATH");
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
