package io.collateralkeeper.devnet.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.FlashbotsSignature;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's HTTP face: checks {@code X-Flashbots-Signature} over the exact body bytes before anything else, then
 * dispatches the JSON-RPC request. Refusals take the shapes relay.flashbots.net is reported to use: HTTP 403 with
 * {@code {"error":"missing X-Flashbots-Signature header"}} or {@code {"error":"error in signature check <address>"}},
 * HTTP 400 {@code {"error": ...}} for a request it cannot read, and JSON-RPC error objects (HTTP 200) for the rest.
 */
final class RelayHttpHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RelayHttpHandler.class);

  /** How the relay answers one method; {@code signer} is the verified identity address. */
  interface Methods {
    Object call(String method, JsonNode params, Address signer);
  }

  private final ObjectMapper json;
  private final Methods methods;

  RelayHttpHandler(ObjectMapper json, Methods methods) {
    this.json = json;
    this.methods = methods;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode id = null;
      try {
        if (!"POST".equals(exchange.getRequestMethod())) throw RelayError.http(405, "only POST is supported");
        byte[] body = exchange.getRequestBody().readAllBytes();
        Address signer = authenticate(exchange.getRequestHeaders().getFirst(FlashbotsSignature.HEADER), body);
        JsonNode request = parse(body);
        id = request.get("id");
        String method = request.path("method").asText("");
        if (method.isEmpty()) throw RelayError.http(400, "missing method");
        Object result = methods.call(method, request.path("params"), signer);
        ObjectNode answer = envelope(id);
        answer.set("result", json.valueToTree(result));
        write(exchange, 200, answer);
      } catch (RelayError e) {
        if (e.isRpc()) {
          ObjectNode answer = envelope(id);
          answer.putObject("error").put("code", e.rpcCode()).put("message", e.getMessage());
          write(exchange, 200, answer);
        } else {
          write(exchange, e.httpStatus(), json.createObjectNode().put("error", e.getMessage()));
        }
      } catch (RuntimeException e) {
        LOG.warn("devnet relay: internal error", e);
        ObjectNode answer = envelope(id);
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        answer.putObject("error").put("code", -32603).put("message", "internal error: " + why);
        write(exchange, 200, answer);
      }
    }
  }

  private static Address authenticate(String header, byte[] body) {
    if (header == null || header.isBlank()) throw RelayError.http(403, "missing X-Flashbots-Signature header");
    Optional<Address> signer = FlashbotsSignature.verify(header, body);
    if (signer.isEmpty()) {
      String claimed = header.substring(0, Math.max(0, header.indexOf(':')));
      throw RelayError.http(403, "error in signature check " + claimed.substring(0, Math.min(42, claimed.length())));
    }
    return signer.get();
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) throw RelayError.http(400, "invalid json body");
      return node;
    } catch (IOException e) {
      throw RelayError.http(400, "invalid json body");
    }
  }

  private ObjectNode envelope(JsonNode id) {
    ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0");
    answer.set("id", id);
    return answer;
  }

  private void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
