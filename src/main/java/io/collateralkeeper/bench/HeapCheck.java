package io.collateralkeeper.bench;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether a keeper's cold start fits in a heap cap: runs {@code keeper run --once} (create the daemon, index the
 * history, read every account, evaluate, exit) in a child JVM started with {@code -Xmx}, on this JVM's class path.
 * What a heap needs cannot be told from inside a JVM whose heap is larger: the collector keeps garbage it has room
 * for.
 */
final class HeapCheck {
  private HeapCheck() {}

  /**
   * Runs the child and waits for it.
   *
   * @param strategy the strategy file
   * @param journal a journal file for it (created)
   * @param home the project directory ({@code keeper.home})
   * @param timeoutSeconds how long to wait before stopping it
   * @throws KeeperException when the child cannot be started
   */
  static BenchReport.HeapCap run(Path strategy, Path journal, Path home, long capMiB, long timeoutSeconds) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = journal.resolveSibling(journal.getFileName() + ".out");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx" + capMiB + "m", "-Dkeeper.home=" + home));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.collateralkeeper.cli.Main"));
    cmd.addAll(List.of("run", "--once", "--strategy", strategy.toString(), "--dev-account", "1", "--journal",
        journal.toString()));
    long start = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new KeeperException("cannot start a keeper process for the heap check: " + e.getMessage(), e);
    }
    try {
      boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly().waitFor();
        return new BenchReport.HeapCap(capMiB, false, millisSince(start), "no exit within " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new KeeperException("interrupted during the heap check");
    }
    long millis = millisSince(start);
    String output = read(log);
    if (p.exitValue() == 0) return new BenchReport.HeapCap(capMiB, true, millis, "exit 0");
    return new BenchReport.HeapCap(capMiB, false, millis, outcome(p.exitValue(), output));
  }

  /**
   * "OutOfMemoryError" when the output names it (with the first keeper frame of its stack trace, when printed), else
   * the exit code and the output's last line.
   */
  static String outcome(int exitCode, String output) {
    int oom = output.indexOf("OutOfMemoryError");
    if (oom >= 0) {
      for (String line : output.substring(oom).split("\n")) {
        String t = line.strip();
        if (t.startsWith("at io.collateralkeeper.")) return "OutOfMemoryError " + t.substring("at io.collateralkeeper.".length());
      }
      return "OutOfMemoryError";
    }
    String[] lines = output.strip().split("\n");
    String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
    return "exit " + exitCode + (last.isEmpty() ? "" : ": " + last);
  }

  private static String read(Path log) {
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
