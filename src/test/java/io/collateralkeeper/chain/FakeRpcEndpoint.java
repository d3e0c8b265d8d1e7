package io.collateralkeeper.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A scripted JSON-RPC endpoint on 127.0.0.1 (test helper): each request is answered by a {@link Handler}, which may
 * return a proper result or error, or raw bytes of any kind (truncated, oversized, wrong types, HTTP errors).
 */
public final class FakeRpcEndpoint implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Answers one JSON-RPC call. */
  @FunctionalInterface
  public interface Handler {
    Reply reply(String method, JsonNode params);
  }

  /**
   * One answer: a result, a JSON-RPC error, or a raw HTTP response that replaces the whole body.
   *
   * @param status HTTP status (raw replies)
   * @param raw raw body, or null
   * @param result the result value (any JSON-able value; null gives {@code "result": null})
   * @param errorCode JSON-RPC error code when {@code errorMessage} is set
   * @param errorMessage JSON-RPC error message, or null
   */
  public record Reply(int status, byte[] raw, Object result, int errorCode, String errorMessage) {
    public static Reply result(Object r) {
      return new Reply(200, null, r, 0, null);
    }

    public static Reply error(int code, String message) {
      return new Reply(200, null, null, code, message);
    }

    public static Reply raw(int status, String body) {
      return new Reply(status, body.getBytes(StandardCharsets.UTF_8), null, 0, null);
    }

    public static Reply raw(int status, byte[] body) {
      return new Reply(status, body, null, 0, null);
    }
  }

  private final HttpServer server;
  private final List<String> methods = new CopyOnWriteArrayList<>();
  private volatile Handler handler;

  public FakeRpcEndpoint(Handler handler) {
    this.handler = handler;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind", e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode req = JSON.readTree(body);
        byte[] raw = null;
        int status = 200;
        JsonNode out;
        if (req.isArray()) {
          ArrayNode arr = JSON.createArrayNode();
          for (JsonNode r : req) {
            Reply reply = answer(r);
            if (reply.raw() != null) {
              raw = reply.raw();
              status = reply.status();
            }
            arr.add(envelope(r, reply));
          }
          out = arr;
        } else {
          Reply reply = answer(req);
          if (reply.raw() != null) {
            raw = reply.raw();
            status = reply.status();
          }
          out = envelope(req, reply);
        }
        byte[] bytes = raw != null ? raw : JSON.writeValueAsBytes(out);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
          }
        }
      } catch (IOException | RuntimeException e) {
        // the client went away
      }
    });
    server.start();
  }

  private Reply answer(JsonNode req) {
    String method = req.path("method").asText();
    methods.add(method);
    return handler.reply(method, req.path("params"));
  }

  private static ObjectNode envelope(JsonNode req, Reply reply) {
    ObjectNode o = JSON.createObjectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", req.get("id"));
    if (reply.errorMessage() != null) {
      ObjectNode err = o.putObject("error");
      err.put("code", reply.errorCode());
      err.put("message", reply.errorMessage());
    } else {
      o.set("result", JSON.valueToTree(reply.result()));
    }
    return o;
  }

  /** Replaces the handler. */
  public void handler(Handler h) {
    this.handler = h;
  }

  /** The endpoint's URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every method called so far, in order (batch members one by one). */
  public List<String> methods() {
    return List.copyOf(methods);
  }

  /** How many times {@code method} was called. */
  public long count(String method) {
    return methods.stream().filter(method::equals).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
