package io.collateralkeeper.chain;

/**
 * Sees every HTTP exchange of every {@link ChainClient} (metrics, health). Endpoints are named by their redacted URL
 * ({@link EndpointRedactor}). Implementations must be thread-safe and fast: they run on the calling thread.
 *
 * <p>The process installs one observer ({@link #install}); clients look it up at each call, so clients created
 * earlier are observed too.
 */
public interface RpcObserver {
  /**
   * An HTTP response arrived.
   *
   * @param endpoint the redacted endpoint URL
   * @param nanos time from request to response headers, nanoseconds
   * @param httpStatus the HTTP status code (a non-2xx status is an endpoint error)
   */
  void onResponse(String endpoint, long nanos, int httpStatus);

  /**
   * The exchange failed without a response (connection refused, timeout, reset).
   *
   * @param endpoint the redacted endpoint URL
   * @param nanos time until the failure, nanoseconds
   * @param kind the failure's exception class simple name, e.g. {@code ConnectException}
   */
  void onFailure(String endpoint, long nanos, String kind);

  /**
   * True when this observer wants {@link #onRequest}: only then does the client read each request body for its
   * JSON-RPC method names (production observers leave it false and pay nothing).
   */
  default boolean observesRequests() {
    return false;
  }

  /**
   * A JSON-RPC request is being handed to the HTTP client (called only when {@link #observesRequests()}), before it
   * is sent.
   *
   * @param endpoint the redacted endpoint URL
   * @param methods the JSON-RPC method names in the body, in order: one for a single call, k for a batch of k
   */
  default void onRequest(String endpoint, java.util.List<String> methods) {}

  /** Observes nothing. */
  RpcObserver NONE =
      new RpcObserver() {
        @Override
        public void onResponse(String endpoint, long nanos, int httpStatus) {}

        @Override
        public void onFailure(String endpoint, long nanos, String kind) {}
      };

  /** Installs the process-wide observer (replacing the previous one); {@link #NONE} uninstalls. */
  static void install(RpcObserver observer) {
    Installed.current = observer == null ? NONE : observer;
  }

  /** The process-wide observer ({@link #NONE} until one is installed). */
  static RpcObserver installed() {
    return Installed.current;
  }

  /** Holder of the installed observer. */
  final class Installed {
    private static volatile RpcObserver current = NONE;

    private Installed() {}
  }
}
