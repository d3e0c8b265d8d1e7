package io.collateralkeeper.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This JVM's memory: heap in use after a full collection ({@code MemoryMXBean}), the heap pools' peaks since {@link
 * #resetPeaks()} ({@code MemoryPoolMXBean}), and the process's resident set from {@code /proc/self/status} (Linux).
 */
public final class MemoryProbe {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  /**
   * One reading, bytes; the resident figures are empty where {@code /proc} is not available.
   *
   * @param heapUsedAfterGc heap in use right after {@code System.gc()}
   * @param heapPeak sum over the heap pools of each pool's peak since the reset (an upper bound of the real peak)
   * @param heapMax the heap's maximum size ({@code -Xmx} or the JVM's default)
   * @param rss resident set size now ({@code VmRSS})
   * @param rssPeak resident set high-water mark ({@code VmHWM}) since the reset, or since the process started when the
   *     kernel refused the reset
   */
  public record Reading(
      long heapUsedAfterGc, long heapPeak, long heapMax, OptionalLong rss, OptionalLong rssPeak) {}

  /**
   * Resets the heap pools' peaks and, where the kernel allows ({@code echo 5 > /proc/self/clear_refs}), the resident
   * high-water mark.
   *
   * @return true when the resident high-water mark was reset too
   */
  public boolean resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Collects garbage, then reads everything. */
  public Reading read() {
    System.gc();
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) peak += p.getPeakUsage().getUsed();
    }
    String status = "";
    try {
      status = Files.readString(STATUS, StandardCharsets.UTF_8);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not Linux: no resident figures
    }
    return new Reading(used, peak, max, statusBytes(status, "VmRSS"), statusBytes(status, "VmHWM"));
  }

  /**
   * A {@code kB} field of a {@code /proc/PID/status} text, in bytes ({@code "VmRSS:\t  123 kB"} gives 125,952).
   *
   * @return empty when the field is missing or malformed
   */
  static OptionalLong statusBytes(String status, String field) {
    for (String line : status.split("\n")) {
      if (!line.startsWith(field + ":")) continue;
      String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
      if (parts.length != 2 || !parts[1].equals("kB")) return OptionalLong.empty();
      try {
        return OptionalLong.of(Math.multiplyExact(Long.parseLong(parts[0]), 1024L));
      } catch (ArithmeticException | NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }
}
