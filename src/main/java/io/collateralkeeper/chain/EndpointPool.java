package io.collateralkeeper.chain;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC endpoints of one chain, in order of preference. Reads go to the first {@link EndpointState#HEALTHY}
 * endpoint (configured order), then to {@link EndpointState#LAGGING} ones (highest head first), then to {@link
 * EndpointState#DOWN} ones; an endpoint reporting another chain id is never used. {@link #probe()} (called at each
 * head poll) asks every live endpoint for its head in parallel and demotes those more than {@link
 * PoolSettings#maxLagBlocks()} behind the best; down endpoints are re-probed in the background, so a recovered
 * endpoint returns without slowing the poll. Thread-safe.
 */
public final class EndpointPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointPool.class);

  private final List<EndpointService> endpoints;
  private final PoolSettings settings;
  private final OkHttpClient http;
  private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<EndpointService> probing = ConcurrentHashMap.newKeySet();
  private final Map<EndpointService, EndpointState> reported = new HashMap<>();
  private volatile Long expectedChainId;

  private EndpointPool(List<EndpointService> endpoints, PoolSettings settings, OkHttpClient http) {
    this.endpoints = List.copyOf(endpoints);
    this.settings = settings;
    this.http = http;
  }

  /**
   * A pool of HTTP endpoints sharing one OkHttp client with the given call timeout.
   *
   * @throws KeeperException when the list is empty or a URL is not a valid http(s) URL
   */
  static EndpointPool http(List<String> urls, Duration timeout, PoolSettings settings) {
    if (urls == null || urls.isEmpty()) throw new KeeperException("no RPC endpoint configured");
    OkHttpClient http = RpcHttpClients.withTimeout(timeout, new RpcTimingInterceptor());
    List<EndpointService> list = new ArrayList<>();
    for (String url : urls) {
      try {
        list.add(new EndpointService(url.strip(), http, settings.maxResponseBytes()));
      } catch (IllegalArgumentException e) {
        throw new KeeperException("invalid RPC URL: " + EndpointService.redact(url));
      }
    }
    return new EndpointPool(list, settings, http);
  }

  /** Number of configured endpoints. */
  public int size() {
    return endpoints.size();
  }

  /** The lag and size limits. */
  public PoolSettings settings() {
    return settings;
  }

  /** A snapshot of every endpoint's health, in configured order. */
  public List<EndpointHealth> health() {
    long best = bestHead();
    List<EndpointHealth> out = new ArrayList<>();
    for (EndpointService e : endpoints) {
      long lag = e.head().isPresent() && best >= 0 ? Math.max(0, best - e.head().getAsLong()) : 0;
      out.add(e.health(state(e, best), lag));
    }
    return out;
  }

  /** True when at least one endpoint answered its last request. */
  public boolean anyUp() {
    return endpoints.stream().anyMatch(e -> usable(e) && !e.down());
  }

  /** Endpoints to try for a read, best first (never the wrong-chain ones). */
  List<EndpointService> readOrder() {
    long best = bestHead();
    Comparator<EndpointService> byState = Comparator.comparingInt(e -> state(e, best).ordinal());
    Comparator<EndpointService> byHead =
        Comparator.comparingLong(e -> state(e, best) == EndpointState.LAGGING ? -e.head().orElse(0) : 0);
    List<EndpointService> order = new ArrayList<>(endpoints.stream().filter(this::usable).toList());
    order.sort(byState.thenComparing(byHead)); // stable: configured order otherwise
    return order;
  }

  /**
   * Endpoints a signed transaction is broadcast to: every healthy one; else every one that answered its last request
   * (lagging ones); else every usable one.
   */
  List<EndpointService> broadcastTargets() {
    long best = bestHead();
    List<EndpointService> order = readOrder();
    List<EndpointService> healthy = order.stream().filter(e -> state(e, best) == EndpointState.HEALTHY).toList();
    if (!healthy.isEmpty()) return healthy;
    List<EndpointService> up = order.stream().filter(e -> !e.down()).toList();
    return up.isEmpty() ? order : up;
  }

  /** The preferred endpoint for reads (the first configured one when none is usable). */
  EndpointService preferred() {
    List<EndpointService> order = readOrder();
    return order.isEmpty() ? endpoints.getFirst() : order.getFirst();
  }

  /**
   * Asks the live endpoints for their head in parallel (down ones in the background, unless all are down), updates
   * their states, and returns the head of the preferred endpoint.
   *
   * @throws IOException when no endpoint answered (the message lists why each failed)
   */
  long probe() throws IOException {
    List<EndpointService> live = endpoints.stream().filter(e -> usable(e) && !e.down()).toList();
    if (live.isEmpty()) live = endpoints.stream().filter(this::usable).toList(); // nothing else to use: ask them now
    for (EndpointService e : endpoints) {
      if (!live.contains(e) && !e.wrongChain()) probeInBackground(e);
    }
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (EndpointService e : live) {
      calls.add(CompletableFuture.runAsync(() -> blockNumberQuietly(e), probes));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    noteStates();
    for (EndpointService e : readOrder()) {
      if (!e.down() && e.head().isPresent()) return e.head().getAsLong();
    }
    throw new IOException(failureSummary());
  }

  /**
   * Checks every endpoint's chain id. Endpoints that do not answer now are checked when they first answer a probe,
   * and used only after that.
   *
   * @throws KeeperException when an endpoint reports another chain id (nothing may be sent to the wrong chain)
   * @throws IOException when no endpoint answered
   */
  void requireChainId(long expected) throws IOException {
    expectedChainId = expected;
    boolean anyOk = false;
    IOException first = null;
    for (EndpointService e : endpoints) {
      try {
        long id = e.chainId();
        if (id != expected) {
          e.markWrongChain("reports chain id " + id);
          throw new KeeperException(
              "wrong chain: " + e.endpoint() + " reports chain id " + id + " but the strategy expects " + expected);
        }
        e.setVerified(true);
        anyOk = true;
      } catch (IOException ex) {
        e.setVerified(false);
        if (first == null) first = ex;
        LOG.warn("RPC endpoint {} unreachable at start ({}); it is used once it answers", e.endpoint(), ex.getMessage());
      }
    }
    if (!anyOk) throw first;
  }

  /** Summarises every endpoint's last error, one line. */
  String failureSummary() {
    List<String> parts = new ArrayList<>();
    for (EndpointHealth h : health()) {
      parts.add(h.endpoint() + ": " + h.lastError().orElse(h.state().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return String.join("; ", parts);
  }

  /** Logs the endpoints whose state changed since the last call. */
  synchronized void noteStates() {
    long best = bestHead();
    for (EndpointService e : endpoints) {
      EndpointState now = state(e, best);
      EndpointState before = reported.put(e, now);
      if (before == null ? now == EndpointState.HEALTHY : before == now) continue;
      EndpointHealth h = e.health(now, 0);
      switch (now) {
        case HEALTHY -> LOG.info("RPC endpoint {} is healthy again (head {})", h.endpoint(), h.head().orElse(-1));
        case LAGGING ->
            LOG.warn("RPC endpoint {} demoted: head {} is {} blocks behind the best head {}", h.endpoint(),
                h.head().orElse(-1), best - h.head().orElse(0), best);
        case DOWN -> LOG.warn("RPC endpoint {} is down: {}", h.endpoint(), h.lastError().orElse("no answer"));
        case WRONG_CHAIN -> LOG.error("RPC endpoint {} serves another chain and is not used", h.endpoint());
      }
    }
  }

  private void probeInBackground(EndpointService e) {
    if (!probing.add(e)) return;
    probes.execute(
        () -> {
          try {
            Long expected = expectedChainId;
            if (expected != null && !e.verified()) {
              long id = e.chainId();
              if (id != expected) {
                e.markWrongChain("reports chain id " + id);
                LOG.error("RPC endpoint {} reports chain id {}, not {}: never used", e.endpoint(), id, expected);
                return;
              }
              e.setVerified(true);
            }
            e.blockNumber();
          } catch (IOException | RuntimeException ignored) {
            // recorded by the endpoint
          } finally {
            probing.remove(e);
          }
        });
  }

  private static void blockNumberQuietly(EndpointService e) {
    try {
      e.blockNumber();
    } catch (IOException | RuntimeException ignored) {
      // recorded by the endpoint
    }
  }

  private boolean usable(EndpointService e) {
    return !e.wrongChain() && (expectedChainId == null || e.verified());
  }

  /** The highest head reported by an endpoint that answered its last request; -1 when none. */
  private long bestHead() {
    long best = -1;
    for (EndpointService e : endpoints) {
      OptionalLong h = e.head();
      if (usable(e) && !e.down() && h.isPresent()) best = Math.max(best, h.getAsLong());
    }
    return best;
  }

  private EndpointState state(EndpointService e, long best) {
    if (e.wrongChain()) return EndpointState.WRONG_CHAIN;
    if (e.down() || !usable(e)) return EndpointState.DOWN;
    OptionalLong h = e.head();
    if (h.isPresent() && best - h.getAsLong() > settings.maxLagBlocks()) return EndpointState.LAGGING;
    return EndpointState.HEALTHY;
  }

  @Override
  public void close() {
    probes.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
