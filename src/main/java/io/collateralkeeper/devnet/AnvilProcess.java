package io.collateralkeeper.devnet;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Anvil chain run as a child process on a free 127.0.0.1 port. It is stopped by {@link #close()} and, should
 * the JVM exit first (Ctrl-C included), by a shutdown hook.
 */
public final class AnvilProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnvilProcess.class);

  private final Process process;
  private final int port;
  private final Path logFile;
  private final Thread shutdownHook;

  private AnvilProcess(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::destroy, "anvil-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts Anvil and waits until it answers JSON-RPC.
   *
   * @param binary the anvil executable
   * @param options chain options
   * @throws KeeperException when it does not start within the options' timeout
   */
  public static AnvilProcess start(Path binary, AnvilOptions options) {
    return start(binary, options, freePort());
  }

  /**
   * Starts Anvil on a given 127.0.0.1 port.
   *
   * @param port the port (e.g. 8545, where strategy files expect a devnet)
   * @throws KeeperException when it does not start within the options' timeout (e.g. the port is taken)
   */
  public static AnvilProcess start(Path binary, AnvilOptions options, int port) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    cmd.addAll(List.of("--chain-id", Long.toString(options.chainId())));
    cmd.addAll(List.of("--accounts", Integer.toString(options.accounts())));
    cmd.addAll(List.of("--gas-limit", Long.toString(options.blockGasLimit())));
    if (options.blockBaseFee() != null) cmd.addAll(List.of("--block-base-fee-per-gas", options.blockBaseFee().toString()));
    if (options.forkUrl() != null) cmd.addAll(List.of("--fork-url", options.forkUrl()));
    if (options.forkBlock() != null) cmd.addAll(List.of("--fork-block-number", options.forkBlock().toString()));
    if (options.noMining()) cmd.add("--no-mining");
    cmd.addAll(options.extraArgs());
    Path log;
    try {
      log = Files.createTempFile("anvil-" + port + "-", ".log");
    } catch (IOException e) {
      throw new KeeperException("cannot create a log file for anvil: " + e.getMessage(), e);
    }
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new KeeperException("cannot start anvil (" + binary + "): " + e.getMessage(), e);
    }
    AnvilProcess anvil = new AnvilProcess(p, port, log);
    anvil.awaitReady(options.startTimeout());
    LOG.debug("anvil started on {} (pid {})", anvil.rpcUrl(), p.pid());
    return anvil;
  }

  /** The JSON-RPC URL, http://127.0.0.1:PORT. */
  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The Anvil process's id (tests kill it to simulate an endpoint failure). */
  public long pid() {
    return process.pid();
  }

  /** True while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (ChainClient probe = ChainClient.http(rpcUrl(), Duration.ofSeconds(2))) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new KeeperException("anvil exited with code " + process.exitValue() + ": " + lastLines());
        }
        try {
          probe.chainId();
          return;
        } catch (RuntimeException notYet) {
          sleep(50);
        }
      }
    }
    destroy();
    throw new KeeperException("anvil did not answer on " + rpcUrl() + " within " + timeout.toSeconds() + " s");
  }

  private String lastLines() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private void destroy() {
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
    try {
      Files.deleteIfExists(logFile);
    } catch (IOException ignored) {
      // a temp file; the OS cleans it
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new KeeperException("no free local port for anvil: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeeperException("interrupted while starting anvil");
    }
  }
}
