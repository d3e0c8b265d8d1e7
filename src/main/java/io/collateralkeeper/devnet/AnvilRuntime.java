package io.collateralkeeper.devnet;

import java.nio.file.Path;

/**
 * Starts Anvil chains: as child processes ({@link #process}) or, in the integration tests, as containers of the
 * locally built Anvil image. Every node listens on 127.0.0.1 only.
 */
@FunctionalInterface
public interface AnvilRuntime {
  /**
   * Starts a chain and waits until it answers JSON-RPC.
   *
   * @throws io.collateralkeeper.KeeperException when it does not start within the options' timeout
   */
  AnvilNode start(AnvilOptions options);

  /** Child processes of the Anvil binary that {@link AnvilBinary#locate} finds under {@code projectDir}. */
  static AnvilRuntime process(Path projectDir) {
    return options -> AnvilProcess.start(AnvilBinary.locate(projectDir), options);
  }
}
