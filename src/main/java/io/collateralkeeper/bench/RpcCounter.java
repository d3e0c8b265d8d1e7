package io.collateralkeeper.bench;

import io.collateralkeeper.chain.RpcObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the JSON-RPC traffic of a window of time (an {@link RpcObserver}; install it process-wide): HTTP requests,
 * JSON-RPC calls (a batch of k calls is one HTTP request and k calls), calls by method, the time spent waiting for
 * the node by kind of request, and when each {@code eth_sendRawTransaction} was handed to the HTTP client, relative to
 * the window's start. Outside a window it asks for nothing, so request bodies are parsed only while counting.
 * Thread-safe.
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
  private Map<String, Long> waitNanos = new TreeMap<>();
  /** The kind of the request this thread handed over last (the response comes back on the same thread). */
  private final ThreadLocal<String> pending = new ThreadLocal<>();

  /**
   * What a window counted.
   *
   * @param httpRequests HTTP requests sent
   * @param calls JSON-RPC calls in them
   * @param failures exchanges that failed without a response
   * @param byMethod calls by method name
   * @param sendNanos for each {@code eth_sendRawTransaction}, nanoseconds from the window's start to its hand-off
   * @param waitNanos nanoseconds from request to response (or failure), summed by kind of request: its method, with
   *     {@code " x k"} for a batch of k calls of one method, or the methods joined with {@code +} for a mixed batch
   */
  public record Window(
      long httpRequests, long calls, long failures, Map<String, Long> byMethod, List<Long> sendNanos,
      Map<String, Long> waitNanos) {
    public Window {
      byMethod = Map.copyOf(byMethod);
      sendNanos = List.copyOf(sendNanos);
      waitNanos = Map.copyOf(waitNanos);
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
    waitNanos = new TreeMap<>();
    armed = true;
  }

  /** Ends the window and returns its counts. */
  public synchronized Window stop() {
    armed = false;
    return new Window(httpRequests, calls, failures, byMethod, sendNanos, waitNanos);
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
    pending.set(kind(methods));
  }

  @Override
  public void onResponse(String endpoint, long nanos, int httpStatus) {
    waited(nanos);
  }

  @Override
  public void onFailure(String endpoint, long nanos, String kind) {
    synchronized (this) {
      if (armed) failures++;
    }
    waited(nanos);
  }

  private void waited(long nanos) {
    String kind = pending.get();
    pending.remove();
    if (kind == null) return;
    synchronized (this) {
      if (armed) waitNanos.merge(kind, nanos, Long::sum);
    }
  }

  /** "m" for one call, "m x k" for a batch of k calls of m, "a+b" for a mixed batch (in first-seen order). */
  static String kind(List<String> methods) {
    if (methods.isEmpty()) return "?";
    java.util.Set<String> distinct = new java.util.LinkedHashSet<>(methods);
    if (distinct.size() > 1) return String.join("+", distinct);
    return methods.size() == 1 ? methods.getFirst() : methods.getFirst() + " x " + methods.size();
  }
}
