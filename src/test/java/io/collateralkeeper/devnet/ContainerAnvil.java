package io.collateralkeeper.devnet;

import io.collateralkeeper.KeeperException;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Anvil in a Testcontainers container of the locally built image {@value TestAnvil#IMAGE} (docker/anvil), on the
 * host's network so that it listens on 127.0.0.1 like the child process and can fork other local nodes. Stopped and
 * removed by {@link #close()} or, should the JVM exit first, by a shutdown hook (Ryuk is off: its image cannot be
 * pulled here).
 */
final class ContainerAnvil implements AnvilNode {
  private final GenericContainer<?> container;
  private final int port;
  private final Thread shutdownHook;

  private ContainerAnvil(GenericContainer<?> container, int port) {
    this.container = container;
    this.port = port;
    this.shutdownHook = new Thread(container::stop, "anvil-container-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a container with the same arguments as {@link AnvilProcess} and waits until Anvil listens. */
  @SuppressWarnings("resource") // closed by close()
  static ContainerAnvil start(AnvilOptions options) {
    int port = AnvilProcess.freePort();
    List<String> args = AnvilProcess.arguments(options, port);
    GenericContainer<?> c =
        new GenericContainer<>(DockerImageName.parse(TestAnvil.IMAGE))
            .withNetworkMode("host")
            .withCommand(args.toArray(String[]::new))
            .waitingFor(Wait.forLogMessage(".*Listening on 127\\.0\\.0\\.1:" + port + ".*", 1)
                .withStartupTimeout(options.startTimeout()));
    try {
      c.start();
    } catch (RuntimeException e) {
      String logs = lastLines(c);
      c.stop();
      throw new KeeperException("anvil container did not start: " + e.getMessage() + ": " + logs, e);
    }
    return new ContainerAnvil(c, port);
  }

  private static String lastLines(GenericContainer<?> c) {
    try {
      List<String> lines = c.getLogs().lines().filter(l -> !l.isBlank()).toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    } catch (RuntimeException noLogs) {
      return "(no logs)";
    }
  }

  @Override
  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The container's id (tests and logs). */
  String containerId() {
    return container.getContainerId();
  }

  @Override
  public void close() {
    container.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
