package io.collateralkeeper.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.web3j.protocol.Service;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthChainId;

/**
 * One HTTP JSON-RPC endpoint as a web3j {@link Service} that keeps its own health: every exchange is timed and counted,
 * and a response is accepted only when the HTTP status is 2xx, the body is at most {@code maxResponseBytes} and it is
 * well-formed JSON-RPC (an object with a {@code result} or {@code error}, or an array of them). Anything else is an
 * {@link IOException} with a one-line message and counts as a failure of this endpoint. Thread-safe.
 */
final class EndpointService extends Service {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String url;
  private final String redacted;
  private final OkHttpClient http;
  private final long maxResponseBytes;
  private long requests;
  private long failures;
  private long consecutiveFailures;
  private long totalLatencyMillis;
  private long lastLatencyMillis;
  private String lastError;
  private OptionalLong head = OptionalLong.empty();
  private boolean wrongChain;
  private boolean verified = true;

  /**
   * @param url the endpoint (http or https)
   * @param http the client (timeouts set by the caller; shared by the pool's endpoints)
   * @param maxResponseBytes largest response body accepted
   * @throws IllegalArgumentException when the URL is not a valid http(s) URL
   */
  EndpointService(String url, OkHttpClient http, long maxResponseBytes) {
    super(false);
    okhttp3.HttpUrl.get(url); // validates
    this.url = url;
    this.redacted = redact(url);
    this.http = http;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** The URL with its secrets (user info, query values, API-key-like path segments) replaced by {@code ***}. */
  static String redact(String url) {
    return EndpointRedactor.redact(url);
  }

  /** The URL for messages (credentials removed). */
  String endpoint() {
    return redacted;
  }

  @Override
  protected InputStream performIO(String payload) throws IOException {
    return exchange(payload);
  }

  /** Posts one JSON-RPC payload and returns the checked response body. */
  InputStream exchange(String payload) throws IOException {
    long start = System.nanoTime();
    try {
      byte[] body = post(payload);
      checkJsonRpc(body);
      recordSuccess(millisSince(start));
      return new ByteArrayInputStream(body);
    } catch (IOException e) {
      recordFailure(millisSince(start), oneLine(e));
      throw e;
    } catch (RuntimeException e) {
      recordFailure(millisSince(start), oneLine(e));
      throw new IOException(oneLine(e), e);
    }
  }

  /** {@code eth_blockNumber} on this endpoint alone; records the head. */
  long blockNumber() throws IOException {
    EthBlockNumber r = new org.web3j.protocol.core.Request<>("eth_blockNumber", List.of(), this, EthBlockNumber.class).send();
    if (r.hasError()) {
      String why = "eth_blockNumber failed: " + String.valueOf(r.getError().getMessage()).replaceAll("\\s+", " ");
      markFailed(why);
      throw new IOException(why);
    }
    long h;
    try {
      h = RpcValues.quantity(r.getResult()).longValueExact();
    } catch (RuntimeException e) {
      markFailed("eth_blockNumber: malformed result");
      throw new IOException("eth_blockNumber: malformed result", e);
    }
    synchronized (this) {
      head = OptionalLong.of(h);
    }
    return h;
  }

  /** {@code eth_chainId} on this endpoint alone. */
  long chainId() throws IOException {
    EthChainId r = new org.web3j.protocol.core.Request<>("eth_chainId", List.of(), this, EthChainId.class).send();
    if (r.hasError()) throw new IOException("eth_chainId failed: " + r.getError().getMessage());
    try {
      return RpcValues.quantity(r.getResult()).longValueExact();
    } catch (RuntimeException e) {
      throw new IOException("eth_chainId: malformed result", e);
    }
  }

  private byte[] post(String payload) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .tag(RpcTimingInterceptor.Endpoint.class, new RpcTimingInterceptor.Endpoint(redacted))
            .post(RequestBody.create(payload, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) throw new IOException("HTTP " + response.code());
      ResponseBody body = response.body();
      if (body == null) throw new IOException("empty response");
      if (body.contentLength() > maxResponseBytes) throw tooLarge();
      try (InputStream in = body.byteStream()) {
        byte[] data = in.readNBytes((int) Math.min(maxResponseBytes + 1, Integer.MAX_VALUE - 8));
        if (data.length > maxResponseBytes) throw tooLarge();
        return data;
      }
    }
  }

  private IOException tooLarge() {
    return new IOException("response larger than " + maxResponseBytes + " bytes");
  }

  private static void checkJsonRpc(byte[] body) throws IOException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IOException("malformed JSON response (" + body.length + " bytes)");
    }
    if (tree == null || tree.isMissingNode()) throw new IOException("empty response");
    if (tree.isArray()) {
      for (JsonNode item : tree) checkOne(item);
    } else {
      checkOne(tree);
    }
  }

  private static void checkOne(JsonNode node) throws IOException {
    if (!node.isObject() || !(node.has("result") || node.has("error"))) {
      throw new IOException("not a JSON-RPC response");
    }
    JsonNode error = node.get("error");
    if (error != null && !error.isNull() && !error.isObject()) throw new IOException("malformed JSON-RPC error");
  }

  private synchronized void recordSuccess(long millis) {
    requests++;
    consecutiveFailures = 0;
    totalLatencyMillis += millis;
    lastLatencyMillis = millis;
  }

  private synchronized void recordFailure(long millis, String why) {
    requests++;
    failures++;
    consecutiveFailures++;
    totalLatencyMillis += millis;
    lastLatencyMillis = millis;
    lastError = why;
  }

  /** The last exchange answered, but with something unusable: it counts as a failure (already counted as a request). */
  private synchronized void markFailed(String why) {
    failures++;
    consecutiveFailures++;
    lastError = why;
  }

  /** Marks the endpoint as serving another chain: it is never used again. */
  synchronized void markWrongChain(String why) {
    wrongChain = true;
    lastError = why;
  }

  /** Whether its chain id still has to be checked before it may be used. */
  synchronized boolean verified() {
    return verified;
  }

  synchronized void setVerified(boolean v) {
    verified = v;
  }

  synchronized boolean wrongChain() {
    return wrongChain;
  }

  synchronized boolean down() {
    return consecutiveFailures > 0;
  }

  synchronized OptionalLong head() {
    return head;
  }

  /** A snapshot, with the state and lag the pool computed. */
  synchronized EndpointHealth health(EndpointState state, long lag) {
    return new EndpointHealth(
        redacted, state, head, lag, requests, failures, consecutiveFailures, totalLatencyMillis, lastLatencyMillis,
        Optional.ofNullable(lastError));
  }

  private String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // OkHttp puts the URL into some messages: keep credentials out
    return m.replace(url, redacted).replaceAll("//[^/@\\s]*@", "//***@").replaceAll("\\s+", " ").trim();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() {
    // the shared OkHttpClient is closed by the pool
  }
}
