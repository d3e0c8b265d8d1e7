package io.collateralkeeper.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operations HTTP endpoint on 127.0.0.1 only (JDK {@code HttpServer}, one thread): {@code GET /metrics} is the
 * Prometheus text exposition; {@code GET /health} is {@code 200 {"status":"ok","reasons":[]}} or {@code 503
 * {"status":"unhealthy","reasons":[...]}}.
 */
public final class OpsServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;

  /**
   * Starts listening.
   *
   * @param port the port on 127.0.0.1 (0 = any free port, see {@link #port()})
   * @param metrics the Prometheus text
   * @param health the current health
   * @throws KeeperException when the port cannot be bound
   */
  public OpsServer(int port, Supplier<String> metrics, Supplier<Health> health) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new KeeperException("cannot open the metrics endpoint on 127.0.0.1:" + port + ": " + e.getMessage());
    }
    server.createContext("/metrics", ex -> answer(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.createContext("/health", ex -> {
      Health h = health.get();
      answer(ex, h.healthy() ? 200 : 503, "application/json", json(h));
    });
    server.createContext("/", ex -> answer(ex, 404, "text/plain", "not found: try /metrics or /health\n"));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "keeper-ops-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static String json(Health h) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", h.healthy() ? "ok" : "unhealthy");
    body.put("reasons", h.reasons());
    try {
      return MAPPER.writeValueAsString(body) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
