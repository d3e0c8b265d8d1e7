package io.collateralkeeper.bench;

import static io.collateralkeeper.bench.BenchStats.f;
import static io.collateralkeeper.bench.BenchStats.mib;

import java.util.Map;
import java.util.stream.Collectors;

/** The bench report as a readable table (pure). */
public final class BenchText {
  private BenchText() {}

  /** Renders the report, one figure per line, targets last. */
  public static String render(BenchReport r) {
    StringBuilder b = new StringBuilder();
    BenchReport.Setup s = r.setup();
    line(b, f("keeper bench: %,d accounts, %,d turning liquidatable at %s (seed %d)", s.accounts(), s.liquidatable(),
        s.priceMove(), s.seed()));
    line(b, "  method: " + r.method());
    line(b, f("setup         Anvil and vault %.1f s, seeding %.1f s (%d blocks)", s.deployMillis() / 1000.0,
        s.seedMillis() / 1000.0, s.seedBlocks()));
    BenchReport.ColdStart c = r.coldStart();
    line(b, f("cold start    %.1f s to the first evaluated head: %,d accounts tracked, %,d HTTP requests, %,d JSON-RPC calls",
        c.millis() / 1000.0, c.accountsTracked(), c.httpRequests(), c.calls()));
    line(b, "              calls: " + methods(c.callsByMethod()));
    line(b, "              waiting for the node (ms): " + methods(c.waitMillis()));
    String rss = c.rss() == null
        ? "resident set unknown (no /proc)"
        : f("resident %s (peak %s %s)", mib(c.rss()), mib(c.rssPeak()),
            c.rssPeakSinceReset() ? "since the cold start began" : "since the process started");
    line(b, f("memory        heap after it (after GC) %s; pool peaks sum %s with a %s max heap (garbage included)",
        mib(c.heapUsedAfterGc()), mib(c.heapPeak()), mib(c.heapMax())));
    line(b, "              " + rss);
    BenchReport.HeapCap cap = c.heapCap();
    line(b, f("              keeper run --once with -Xmx%dm: %s after %.1f s", cap.capMiB(), cap.outcome(),
        cap.millis() / 1000.0));
    BenchReport.SteadyState st = r.steadyState();
    line(b, f("steady state  %d blocks, %,d accounts changed per block", st.blocks(), st.changedPerBlock()));
    line(b, f("  keeper      %.1f HTTP requests, %.1f JSON-RPC calls per block (most %,d), %.1f accounts re-read,"
        + " median processHead %,d ms", st.httpRequestsPerBlock(), st.callsPerBlock(), st.maxCallsPerBlock(),
        st.accountsReadPerBlock(), st.medianMillis()));
    line(b, "              calls per block: " + st.callsByMethodPerBlock().entrySet().stream()
        .map(e -> f("%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    BenchReport.ReadAll ra = st.readAll();
    line(b, f("  read-all    %.1f HTTP requests, %.1f JSON-RPC calls per block, %,.0f accounts re-read, median processHead"
        + " %,d ms (full-refresh-blocks: 1, %d blocks)", ra.httpRequestsPerBlock(), ra.callsPerBlock(),
        ra.accountsReadPerBlock(), ra.medianMillis(), ra.blocks()));
    line(b, f("  ratio       keeper calls per block / read-all calls per block = %.3f", st.callsRatio()));
    BenchReport.Latency l = r.latency();
    line(b, f("latency       %d rounds: liquidatable %s, sent %s, %,d eth_sendRawTransaction counted; the vault reports %,d"
        + " liquidatable", l.rounds(), l.liquidatablePerRound(), l.sentPerRound(), l.sendsCounted(), l.onChainLiquidatable()));
    line(b, f("              processHead -> eth_sendRawTransaction: median %.1f ms, p99 %.1f ms, max %.1f ms",
        l.medianMillis(), l.p99Millis(), l.maxMillis()));
    line(b, "              processHead per round (ms): " + l.processHeadMillis());
    if (r.warmup() != null) {
      BenchReport.Latency w = r.warmup();
      line(b, f("              warm-up (%d round(s) before, not counted): sent %s, median %.1f ms, p99 %.1f ms, processHead %s ms",
          w.rounds(), w.sentPerRound(), w.medianMillis(), w.p99Millis(), w.processHeadMillis()));
    }
    line(b, "              waiting for the node per round (ms): " + l.waitMillisPerRound().entrySet().stream()
        .map(e -> f("%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    line(b, "targets");
    for (BenchReport.Target t : r.targets()) {
      line(b, f("  %-34s %-16s %-22s %s", t.name(), t.value(), t.target(), t.met() ? "met" : "MISSED"));
    }
    line(b, f("wall time     %.1f s", r.wallMillis() / 1000.0));
    return b.toString();
  }

  private static String methods(Map<String, Long> byMethod) {
    return byMethod.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static void line(StringBuilder b, String s) {
    b.append(s).append('\n');
  }
}
