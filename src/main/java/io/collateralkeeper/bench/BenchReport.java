package io.collateralkeeper.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of one {@code keeper bench} run (serialized as its {@code --json} output). Times in milliseconds,
 * memory in bytes; "calls" are JSON-RPC calls (a batch of k calls is one HTTP request and k calls).
 *
 * @param setup what was benchmarked and how long building it took
 * @param coldStart daemon creation to the first {@code processHead} returning
 * @param steadyState later heads with a few accounts changed in each
 * @param latency new block with a price update to each liquidation handed to the HTTP client (the counted rounds)
 * @param warmup the same for the warm-up rounds run before, not counted (null when none were run)
 * @param targets each figure against its target
 * @param wallMillis the whole run, Anvil start to report
 * @param method how the keeper was driven
 */
public record BenchReport(
    Setup setup, ColdStart coldStart, SteadyState steadyState, Latency latency, Latency warmup, List<Target> targets,
    long wallMillis, String method) {
  public BenchReport {
    targets = List.copyOf(targets);
  }

  /**
   * @param accounts accounts in the vault
   * @param liquidatable accounts that turn liquidatable at the price move
   * @param priceMove the move that makes them liquidatable, e.g. "BTC -5%"
   * @param seed the book's random seed
   * @param deployMillis Anvil start and vault deployment
   * @param seedMillis writing the accounts (code swap, seed transactions, token mints)
   * @param seedBlocks blocks the seeding took
   */
  public record Setup(
      int accounts, int liquidatable, String priceMove, long seed, long deployMillis, long seedMillis, long seedBlocks) {}

  /**
   * @param millis daemon creation to the first {@code processHead} returning (history indexed, every account read,
   *     health evaluated)
   * @param accountsTracked accounts the keeper tracks after it
   * @param httpRequests HTTP requests of the cold start
   * @param calls JSON-RPC calls of the cold start
   * @param callsByMethod those calls by method
   * @param waitMillis time spent waiting for the node, by kind of request ({@link RpcCounter.Window#waitNanos()})
   * @param heapUsedAfterGc heap in use after it, after {@code System.gc()}
   * @param heapPeak sum of the heap pools' peaks during it (an upper bound of the heap's peak, garbage included: the
   *     collector keeps garbage it has room for, so this grows with the maximum heap)
   * @param heapMax the JVM's maximum heap
   * @param rss resident set after it ({@code VmRSS}), or null without {@code /proc}
   * @param rssPeak resident high-water mark ({@code VmHWM}), or null without {@code /proc}
   * @param rssPeakSinceReset true when {@code rssPeak} was reset just before the cold start (else: since process start)
   * @param heapCap the same cold start in a separate keeper process with a capped heap
   */
  public record ColdStart(
      long millis, int accountsTracked, long httpRequests, long calls, Map<String, Long> callsByMethod,
      Map<String, Long> waitMillis, long heapUsedAfterGc, long heapPeak, long heapMax, Long rss, Long rssPeak, boolean rssPeakSinceReset,
      HeapCap heapCap) {
    public ColdStart {
      callsByMethod = Map.copyOf(callsByMethod);
      waitMillis = Map.copyOf(waitMillis);
    }
  }

  /**
   * A cold start in a child JVM with a capped heap ({@code keeper run --once} with {@code -Xmx}).
   *
   * @param capMiB the {@code -Xmx}, MiB
   * @param fits true when it exited 0
   * @param millis its wall time (JVM start included)
   * @param outcome "exit 0", "OutOfMemoryError", or the exit code and the last line it printed
   */
  public record HeapCap(long capMiB, boolean fits, long millis, String outcome) {}

  /**
   * @param blocks steady-state heads measured
   * @param changedPerBlock accounts changed (a deposit event each) in each of those blocks
   * @param httpRequestsPerBlock mean HTTP requests of one {@code processHead}
   * @param callsPerBlock mean JSON-RPC calls of one {@code processHead}
   * @param maxCallsPerBlock most JSON-RPC calls of one {@code processHead}
   * @param accountsReadPerBlock mean accounts the keeper re-read from the chain per head
   * @param callsByMethodPerBlock mean calls per block by method
   * @param medianMillis median {@code processHead} time
   * @param readAll the same blocks for a keeper that re-reads every account at every head
   * @param callsRatio keeper calls per block / read-all keeper calls per block
   */
  public record SteadyState(
      int blocks, int changedPerBlock, double httpRequestsPerBlock, double callsPerBlock, long maxCallsPerBlock,
      double accountsReadPerBlock, Map<String, Double> callsByMethodPerBlock, long medianMillis, ReadAll readAll,
      double callsRatio) {
    public SteadyState {
      callsByMethodPerBlock = Map.copyOf(callsByMethodPerBlock);
    }
  }

  /**
   * The read-all baseline: a keeper with {@code liquidation.full-refresh-blocks: 1} (every account re-read at every
   * head, the daemon's behaviour before touched-only reads) over steady-state blocks like the others.
   *
   * @param blocks blocks measured
   * @param httpRequestsPerBlock mean HTTP requests of one {@code processHead}
   * @param callsPerBlock mean JSON-RPC calls of one {@code processHead}
   * @param accountsReadPerBlock mean accounts re-read per head
   * @param medianMillis median {@code processHead} time
   */
  public record ReadAll(
      int blocks, double httpRequestsPerBlock, double callsPerBlock, double accountsReadPerBlock, long medianMillis) {}

  /**
   * @param rounds rounds measured (each from the same chain snapshot, with a fresh keeper on a copy of the journal)
   * @param liquidatablePerRound accounts the keeper found liquidatable at the price-move block, per round
   * @param sentPerRound liquidations the keeper reported sent at that block, per round
   * @param sendsCounted {@code eth_sendRawTransaction} calls seen, all rounds
   * @param onChainLiquidatable accounts the vault itself reported below health 1 at the first round's block
   * @param medianMillis median time from {@code processHead} being called to a send being handed to the HTTP client
   * @param p99Millis its 99th percentile (nearest rank)
   * @param maxMillis its maximum
   * @param processHeadMillis the whole {@code processHead} of each round
   * @param waitMillisPerRound mean time per round spent waiting for the node, by kind of request
   */
  public record Latency(
      int rounds, List<Integer> liquidatablePerRound, List<Integer> sentPerRound, long sendsCounted,
      int onChainLiquidatable, double medianMillis, double p99Millis, double maxMillis, List<Long> processHeadMillis,
      Map<String, Double> waitMillisPerRound) {
    public Latency {
      liquidatablePerRound = List.copyOf(liquidatablePerRound);
      sentPerRound = List.copyOf(sentPerRound);
      processHeadMillis = List.copyOf(processHeadMillis);
      waitMillisPerRound = Map.copyOf(waitMillisPerRound);
    }
  }

  /**
   * @param name the figure
   * @param value its measured value, as printed
   * @param target the target, as printed
   * @param met whether it is met
   */
  public record Target(String name, String value, String target, boolean met) {}
}
