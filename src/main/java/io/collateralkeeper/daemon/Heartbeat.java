package io.collateralkeeper.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a small file after every head the daemon processes ({@code block <n> <epoch-millis>}), atomically, so that
 * a container health check ({@code keeper health}) can tell a working keeper from a stuck one. A failed write is
 * logged, never fatal.
 */
public final class Heartbeat implements KeeperListener {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final Path file;
  private final Clock clock;
  private boolean warned;

  /**
   * @param file the heartbeat file (its directory must exist)
   * @param clock the time written
   */
  public Heartbeat(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  @Override
  public void onBlock(BlockReport report) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, "block " + report.block() + " " + clock.millis() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      warned = false;
    } catch (IOException e) {
      if (!warned) LOG.warn("cannot write the heartbeat file {}: {}", file, e.getMessage());
      warned = true;
    }
  }

  /**
   * Reads a heartbeat file.
   *
   * @return the block and the epoch milliseconds it was written at
   * @throws IOException when it cannot be read or has another shape
   */
  public static Beat read(Path file) throws IOException {
    String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
    if (parts.length != 3 || !parts[0].equals("block")) throw new IOException("not a heartbeat file: " + file);
    try {
      return new Beat(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      throw new IOException("not a heartbeat file: " + file, e);
    }
  }

  /**
   * One heartbeat.
   *
   * @param block the head processed
   * @param epochMillis when, epoch milliseconds
   */
  public record Beat(long block, long epochMillis) {}
}
