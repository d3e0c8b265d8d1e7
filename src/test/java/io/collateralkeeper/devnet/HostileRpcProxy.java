package io.collateralkeeper.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A JSON-RPC pass-through on 127.0.0.1 in front of a real node that, while hostile, corrupts a share of the answers
 * (seeded): truncated, oversized, wrong-typed results, error objects, HTTP errors, garbage (test helper). It never
 * touches {@code eth_sendRawTransaction}, and counts those.
 */
public final class HostileRpcProxy implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
  private final AtomicBoolean hostile = new AtomicBoolean();
  private final AtomicInteger corrupted = new AtomicInteger();
  private final AtomicInteger sends = new AtomicInteger();
  private final Random random;
  private final double share;
  private final int oversize;

  /**
   * @param upstream the real node
   * @param seed seed of the corruption choices
   * @param share share of answers corrupted while hostile (0..1)
   * @param oversize size of an "oversized" answer, bytes
   */
  public HostileRpcProxy(String upstream, long seed, double share, int oversize) {
    this.random = new Random(seed);
    this.share = share;
    this.oversize = oversize;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind the proxy", e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        boolean send = text.contains("\"eth_sendRawTransaction\"");
        if (send) sends.incrementAndGet();
        Request request = new Request.Builder().url(upstream).post(RequestBody.create(body, JSON)).build();
        byte[] out;
        int status;
        try (Response response = http.newCall(request).execute()) {
          out = response.body() == null ? new byte[0] : response.body().bytes();
          status = response.code();
        }
        if (hostile.get() && !send) {
          Corruption c = pick();
          if (c != null) {
            corrupted.incrementAndGet();
            out = c.apply(out);
            status = c.status;
          }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        }
      } catch (IOException | RuntimeException e) {
        // client gone
      }
    });
    server.start();
  }

  private final class Corruption {
    final int kind;
    final int status;
    final long seed;

    Corruption(int kind, long seed) {
      this.kind = kind;
      this.status = kind == 4 ? 500 : 200;
      this.seed = seed;
    }

    byte[] apply(byte[] original) {
      Random r = new Random(seed);
      String s = new String(original, StandardCharsets.UTF_8);
      return switch (kind) {
        case 0 -> s.substring(0, r.nextInt(Math.max(1, s.length()))).getBytes(StandardCharsets.UTF_8);
        case 1 -> (s + " ".repeat(oversize)).getBytes(StandardCharsets.UTF_8);
        case 2 -> wrongTypes(s, r);
        case 3 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}"
            .getBytes(StandardCharsets.UTF_8);
        case 4 -> "<html>Internal Server Error</html>".getBytes(StandardCharsets.UTF_8);
        default -> {
          byte[] b = new byte[r.nextInt(200)];
          r.nextBytes(b);
          yield b;
        }
      };
    }
  }

  private synchronized Corruption pick() {
    if (random.nextDouble() >= share) return null;
    return new Corruption(random.nextInt(6), random.nextLong());
  }

  private static byte[] wrongTypes(String s, Random r) {
    try {
      JsonNode tree = MAPPER.readTree(s);
      if (tree.isArray()) {
        for (JsonNode item : tree) replaceResult(item, r);
      } else {
        replaceResult(tree, r);
      }
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static void replaceResult(JsonNode node, Random r) {
    if (!(node instanceof ObjectNode o) || !o.has("result")) return;
    switch (r.nextInt(6)) {
      case 0 -> o.put("result", r.nextLong());
      case 1 -> o.put("result", r.nextBoolean());
      case 2 -> o.putObject("result").put("x", "0x1");
      case 3 -> o.putArray("result").add(1);
      case 4 -> o.put("result", "0xzz");
      default -> o.put("result", "0x123");
    }
  }

  /** The proxy's URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Starts (true) or stops (false) corrupting answers. */
  public void hostile(boolean on) {
    hostile.set(on);
  }

  /** Answers corrupted so far. */
  public int corrupted() {
    return corrupted.get();
  }

  /** {@code eth_sendRawTransaction} requests received so far. */
  public int sends() {
    return sends.get();
  }

  @Override
  public void close() {
    server.stop(0);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
