package io.collateralkeeper.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The JSON-RPC method names of a request body: one for a single request object, one per element for a batch array.
 * Streams the body with Jackson and skips everything but the top-level {@code method} fields, so a batch of many large
 * {@code eth_call}s is cheap to look at.
 */
final class JsonRpcMethods {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonRpcMethods() {}

  /** The method names of an OkHttp request body; empty when there is no body or it is not JSON-RPC. */
  static List<String> of(RequestBody body) {
    if (body == null) return List.of();
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return of(buffer.readUtf8());
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The method names of a JSON-RPC payload, in order; a request object without a string {@code method} contributes
   * nothing; malformed JSON gives what was read before the error.
   */
  static List<String> of(String json) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        readObject(p, out);
      } else if (first == JsonToken.START_ARRAY) {
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
          if (t == JsonToken.START_OBJECT) readObject(p, out);
          else p.skipChildren();
        }
      }
    } catch (IOException malformed) {
      // keep what was read: a count, not a validation
    }
    return out;
  }

  /** Reads one request object (the parser at its START_OBJECT), adding its method name. */
  private static void readObject(JsonParser p, List<String> out) throws IOException {
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if ("method".equals(field) && value == JsonToken.VALUE_STRING) out.add(p.getText());
      else p.skipChildren();
    }
  }
}
