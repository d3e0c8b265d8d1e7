package io.collateralkeeper.devnet;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A JSON-RPC pass-through on 127.0.0.1 in front of a real node that holds each request containing a given method
 * for a fixed delay before forwarding it: a slow RPC, so that a burst of transactions takes long enough to be
 * interrupted half-way (test helper). {@link #down(boolean)} makes it refuse service (HTTP 503), like a dead endpoint.
 */
public final class DelayingRpcProxy implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpServer server;
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
  private final AtomicBoolean down = new AtomicBoolean();
  private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param upstream the real node's URL
   * @param method requests whose body mentions this method are delayed (e.g. "eth_sendRawTransaction")
   * @param delay how long
   */
  public DelayingRpcProxy(String upstream, String method, Duration delay) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind the proxy", e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
              body = in.readAllBytes();
            }
            if (down.get()) {
              exchange.sendResponseHeaders(503, -1);
              return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            requests.add(text);
            if (text.contains("\"" + method + "\"")) sleep(delay);
            String notServed = refused.stream().filter(m -> text.contains("\"" + m + "\"")).findFirst().orElse(null);
            if (notServed != null) {
              // as geth answers a method it does not serve (one request, not a batch)
              String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("id").toString();
              byte[] out = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"the method "
                  + notServed + " does not exist/is not available\"}}").getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, out.length);
              try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
              }
              return;
            }
            Request request = new Request.Builder().url(upstream).post(RequestBody.create(body, JSON)).build();
            try (Response response = http.newCall(request).execute()) {
              byte[] out = response.body() == null ? new byte[0] : response.body().bytes();
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(response.code(), out.length == 0 ? -1 : out.length);
              try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
              }
            }
          }
        });
    server.start();
  }

  /** The proxy's URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request body received so far, in order. */
  public java.util.List<String> requests() {
    return java.util.List.copyOf(requests);
  }

  /** Makes the proxy answer requests for {@code method} as a node that does not serve it (JSON-RPC error -32601). */
  public void refuse(String method) {
    refused.add(method);
  }

  /** Makes the proxy answer every request with HTTP 503 (true) or forward again (false). */
  public void down(boolean isDown) {
    down.set(isDown);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
