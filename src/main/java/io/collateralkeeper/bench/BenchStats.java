package io.collateralkeeper.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns measured heads into the report's figures, and the figures into target verdicts (pure). */
public final class BenchStats {
  /** Cold start target, milliseconds. */
  public static final long COLD_START_MAX_MILLIS = 60_000;
  /** Heap target: the cold start runs in a JVM with this maximum heap, MiB. */
  public static final long HEAP_MAX_MIB = 512;
  /** New block to transaction handed over: median target, milliseconds. */
  public static final double MEDIAN_MAX_MILLIS = 50;
  /** New block to transaction handed over: 99th percentile target, milliseconds. */
  public static final double P99_MAX_MILLIS = 200;

  private BenchStats() {}

  /**
   * One measured {@code processHead}.
   *
   * @param nanos its duration
   * @param window its JSON-RPC traffic
   * @param accountsRead accounts it re-read from the chain
   */
  public record Head(long nanos, RpcCounter.Window window, int accountsRead) {
    static Head of(BenchKeeper.HeadRun run) {
      return new Head(run.nanos(), run.window(), run.report().accountsRead());
    }
  }

  /**
   * The steady-state figures of {@code heads} (at least one).
   *
   * @param changed accounts changed per block
   * @param readAll the read-all baseline ({@link #readAll})
   */
  public static BenchReport.SteadyState steady(List<Head> heads, int changed, BenchReport.ReadAll readAll) {
    Totals t = Totals.of(heads);
    double ratio = readAll.callsPerBlock() == 0 ? 0 : t.callsPerBlock() / readAll.callsPerBlock();
    return new BenchReport.SteadyState(
        t.n, changed, t.httpPerBlock(), t.callsPerBlock(), t.maxCalls, t.accountsReadPerBlock(), t.byMethodPerBlock(),
        t.medianMillis(), readAll, ratio);
  }

  /** The read-all baseline's figures of its {@code heads} (at least one). */
  public static BenchReport.ReadAll readAll(List<Head> heads) {
    Totals t = Totals.of(heads);
    return new BenchReport.ReadAll(t.n, t.httpPerBlock(), t.callsPerBlock(), t.accountsReadPerBlock(), t.medianMillis());
  }

  /** Sums over measured heads. */
  private static final class Totals {
    int n;
    long http;
    long calls;
    long maxCalls;
    long accountsRead;
    final Map<String, Long> byMethod = new TreeMap<>();
    final List<Long> millis = new ArrayList<>();

    static Totals of(List<Head> heads) {
      if (heads.isEmpty()) throw new IllegalArgumentException("no head measured");
      Totals t = new Totals();
      for (Head h : heads) {
        t.n++;
        t.http += h.window().httpRequests();
        t.calls += h.window().calls();
        t.maxCalls = Math.max(t.maxCalls, h.window().calls());
        t.accountsRead += h.accountsRead();
        h.window().byMethod().forEach((m, c) -> t.byMethod.merge(m, c, Long::sum));
        t.millis.add(h.nanos() / 1_000_000);
      }
      return t;
    }

    double httpPerBlock() {
      return (double) http / n;
    }

    double callsPerBlock() {
      return (double) calls / n;
    }

    double accountsReadPerBlock() {
      return (double) accountsRead / n;
    }

    long medianMillis() {
      return Percentiles.of(millis, 50);
    }

    Map<String, Double> byMethodPerBlock() {
      Map<String, Double> out = new TreeMap<>();
      byMethod.forEach((m, c) -> out.put(m, (double) c / n));
      return out;
    }
  }

  /**
   * The latency figures of the rounds.
   *
   * @param rounds each round's price-move head
   * @param liquidatable accounts the keeper found liquidatable, per round
   * @param sent liquidations the keeper reported sent, per round
   * @param onChainLiquidatable accounts the vault reported liquidatable at the first round's block
   */
  public static BenchReport.Latency latency(
      List<Head> rounds, List<Integer> liquidatable, List<Integer> sent, int onChainLiquidatable) {
    List<Long> sends = new ArrayList<>();
    List<Long> processMillis = new ArrayList<>();
    Map<String, Long> wait = new TreeMap<>();
    for (Head h : rounds) {
      sends.addAll(h.window().sendNanos());
      processMillis.add(h.nanos() / 1_000_000);
      h.window().waitNanos().forEach((k, n) -> wait.merge(kindOfBatch(k), n, Long::sum));
    }
    Map<String, Double> waitPerRound = new TreeMap<>();
    wait.forEach((k, n) -> waitPerRound.put(k, millis(n / Math.max(1, rounds.size()))));
    return new BenchReport.Latency(
        rounds.size(), liquidatable, sent, sends.size(), onChainLiquidatable, millis(Percentiles.of(sends, 50)),
        millis(Percentiles.of(sends, 99)), millis(Percentiles.of(sends, 100)), processMillis, waitPerRound);
  }

  /** Wait times in whole milliseconds by kind of request. */
  public static Map<String, Long> waitMillis(RpcCounter.Window w) {
    Map<String, Long> out = new TreeMap<>();
    w.waitNanos().forEach((k, n) -> out.merge(kindOfBatch(k), n / 1_000_000, Long::sum));
    return out;
  }

  /** A request kind without its batch size ("eth_call x 201" is "eth_call batch"), so that rounds add up. */
  static String kindOfBatch(String kind) {
    int x = kind.indexOf(" x ");
    return x < 0 ? kind : kind.substring(0, x) + " batch";
  }

  /**
   * Each figure against its target: cold start under 60 s and possible in a 512 MiB heap, steady-state JSON-RPC calls per
   * block at most {@code 3 + changed/500}, every liquidatable account sent in every round, new block to send median
   * under 50 ms and 99th percentile under 200 ms.
   */
  public static List<BenchReport.Target> targets(
      BenchReport.ColdStart cold, BenchReport.SteadyState steady, BenchReport.Latency latency, int liquidatable) {
    List<BenchReport.Target> out = new ArrayList<>();
    out.add(
        new BenchReport.Target(
            "cold start", f("%.1f s", cold.millis() / 1000.0), "< 60 s", cold.millis() < COLD_START_MAX_MILLIS));
    out.add(
        new BenchReport.Target(
            "cold start in a 512 MiB heap", cold.heapCap().fits() ? "exit 0" : "OOM or failure", "-Xmx512m: exit 0",
            cold.heapCap().fits() && cold.heapCap().capMiB() <= HEAP_MAX_MIB));
    double allowed = 3 + steady.changedPerBlock() / 500.0;
    out.add(
        new BenchReport.Target(
            "JSON-RPC calls per steady block", f("%.1f", steady.callsPerBlock()),
            f("<= %.1f (3 + %d/500)", allowed, steady.changedPerBlock()), steady.callsPerBlock() <= allowed));
    boolean allSent = latency.sentPerRound().stream().allMatch(s -> s == liquidatable)
        && latency.sendsCounted() == (long) liquidatable * latency.rounds();
    out.add(
        new BenchReport.Target(
            "liquidations sent per round", latency.sentPerRound().toString(), "= " + liquidatable, allSent));
    out.add(
        new BenchReport.Target(
            "block -> send, median", f("%.1f ms", latency.medianMillis()), "< 50 ms",
            latency.sendsCounted() > 0 && latency.medianMillis() < MEDIAN_MAX_MILLIS));
    out.add(
        new BenchReport.Target(
            "block -> send, p99", f("%.1f ms", latency.p99Millis()), "< 200 ms",
            latency.sendsCounted() > 0 && latency.p99Millis() < P99_MAX_MILLIS));
    return out;
  }

  /** Bytes as MiB with one decimal. */
  static String mib(long bytes) {
    return f("%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** {@link String#format} in the root locale (a decimal point whatever the machine's locale). */
  static String f(String pattern, Object... args) {
    return String.format(java.util.Locale.ROOT, pattern, args);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 100_000.0) / 10.0;
  }
}
