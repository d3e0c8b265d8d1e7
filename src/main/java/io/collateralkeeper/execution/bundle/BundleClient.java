package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.chain.RpcHttpClients;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * One relay's bundle API, as web3j {@link Request}s over an {@link HttpService} whose OkHttp client signs every
 * request body ({@link FlashbotsAuthInterceptor}). Every answer is checked: a JSON-RPC error or an HTTP refusal
 * (relays answer a bad signature with HTTP 403) becomes a {@link BundleRelayException} naming the relay.
 */
public final class BundleClient implements AutoCloseable {
  /** JSON-RPC "method not found". */
  private static final int METHOD_NOT_FOUND = -32601;
  private final RelayEndpoint endpoint;
  private final HttpService service;

  private BundleClient(RelayEndpoint endpoint, HttpService service) {
    this.endpoint = endpoint;
    this.service = service;
  }

  /**
   * A client for {@code endpoint}, signing every request as {@code identity}.
   *
   * @param timeout connect, read, write and whole-call timeout of each request
   */
  public static BundleClient connect(RelayEndpoint endpoint, BundleIdentity identity, Duration timeout) {
    OkHttpClient http = RpcHttpClients.withTimeout(timeout, new FlashbotsAuthInterceptor(identity));
    return new BundleClient(endpoint, new HttpService(endpoint.url(), http));
  }

  /** The relay this client talks to. */
  public RelayEndpoint endpoint() {
    return endpoint;
  }

  /**
   * {@code eth_sendBundle}.
   *
   * @return the bundle hash the relay reports, 0x-hex
   * @throws BundleRelayException when the relay refuses the bundle or cannot be reached
   */
  public String sendBundle(SendBundleParams bundle) {
    SendBundleResult result =
        send("eth_sendBundle", new Request<>("eth_sendBundle", List.of(bundle), service, SendBundleResponse.class));
    if (result == null || result.bundleHash() == null) {
      throw new BundleRelayException("relay " + endpoint.name() + ": eth_sendBundle answered without a bundle hash");
    }
    return result.bundleHash();
  }

  /**
   * {@code eth_callBundle}: simulates without committing.
   *
   * @throws BundleRelayException when the relay refuses or the simulation itself fails (e.g. a wrong nonce)
   */
  public CallBundleResult callBundle(CallBundleParams bundle) {
    CallBundleResult result =
        send("eth_callBundle", new Request<>("eth_callBundle", List.of(bundle), service, CallBundleResponse.class));
    if (result == null || result.results() == null) {
      throw new BundleRelayException("relay " + endpoint.name() + ": eth_callBundle answered without results");
    }
    return result;
  }

  private <R, T extends Response<R>> R send(String method, Request<?, T> request) {
    T res;
    try {
      res = request.send();
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
      throw new BundleRelayException("relay " + endpoint.name() + " (" + method + "): " + why, e);
    }
    if (res.hasError() && res.getError().getCode() == METHOD_NOT_FOUND) {
      // the relay does not offer this method: like an unreachable one, not a verdict on the bundle
      throw new BundleRelayException(
          "relay " + endpoint.name() + " does not offer " + method, new UnsupportedOperationException(method));
    }
    if (res.hasError()) {
      throw new BundleRelayException(
          "relay " + endpoint.name() + " (" + method + ") error " + res.getError().getCode() + ": "
              + oneLine(res.getError().getMessage()));
    }
    return res.getResult();
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** Releases the HTTP client. */
  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException ignored) {
      // OkHttp releases its pools on its own
    }
  }

  /** web3j response type of {@code eth_sendBundle}. */
  public static final class SendBundleResponse extends Response<SendBundleResult> {}

  /** web3j response type of {@code eth_callBundle}. */
  public static final class CallBundleResponse extends Response<CallBundleResult> {}
}
