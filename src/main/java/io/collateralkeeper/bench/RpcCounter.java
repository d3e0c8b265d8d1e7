package io.collateralkeeper.bench;

import io.collateralkeeper.chain.RpcObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the JSON-RPC traffic of a window of time (an {@link RpcObserver}; install it process-wide): HTTP requests,
 * JSON-RPC calls (a batch of k calls is one HTTP request and k calls), calls by method, and when each {@code
 * eth_sendRawTransaction} was handed to the HTTP client, relative to the window's start. Outside a window it asks for
 * nothing, so request bodies are parsed only while counting. Thread-safe.
 */
public final class RpcCounter implements RpcObserver {
  /** The JSON-RPC method whose hand-off times are recorded. */
  public static final String SEND_RAW = "eth_sendRawTransaction";

  private volatile boolean armed;
  private long startNanos;
  private long httpRequests;
  private long calls;
  private long failures;
  private Map<String, Long> byMethod = new TreeMap<>();
  private List<Long> sendNanos = new ArrayList<>();

  /**
   * What a window counted.
   *
   * @param httpRequests HTTP requests sent
   * @param calls JSON-RPC calls in them
   * @param failures exchanges that failed without a response
   * @param byMethod calls by method name
   * @param sendNanos for each {@code eth_sendRawTransaction}, nanoseconds from the window's start to its hand-off
   */
  public record Window(long httpRequests, long calls, long failures, Map<String, Long> byMethod, List<Long> sendNanos) {
    public Window {
      byMethod = Map.copyOf(byMethod);
      sendNanos = List.copyOf(sendNanos);
    }
  }

  /** Starts a window now, clearing the counts. */
  public synchronized void start() {
    startNanos = System.nanoTime();
    httpRequests = 0;
    calls = 0;
    failures = 0;
    byMethod = new TreeMap<>();
    sendNanos = new ArrayList<>();
    armed = true;
  }

  /** Ends the window and returns its counts. */
  public synchronized Window stop() {
    armed = false;
    return new Window(httpRequests, calls, failures, byMethod, sendNanos);
  }

  @Override
  public boolean observesRequests() {
    return armed;
  }

  @Override
  public synchronized void onRequest(String endpoint, List<String> methods) {
    if (!armed) return;
    long at = System.nanoTime() - startNanos;
    httpRequests++;
    calls += methods.size();
    for (String m : methods) {
      byMethod.merge(m, 1L, Long::sum);
      if (SEND_RAW.equals(m)) sendNanos.add(at);
    }
  }

  @Override
  public void onResponse(String endpoint, long nanos, int httpStatus) {}

  @Override
  public synchronized void onFailure(String endpoint, long nanos, String kind) {
    if (armed) failures++;
  }
}
