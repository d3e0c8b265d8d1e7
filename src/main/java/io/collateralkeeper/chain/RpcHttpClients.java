package io.collateralkeeper.chain;

import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients the keeper's JSON-RPC traffic goes through (nodes and bundle relays): one timeout for connect,
 * read, write and the whole call, and sockets with {@code TCP_NODELAY} ({@link NoDelaySocketFactory}), so that a
 * request is on the wire when it is handed over.
 */
public final class RpcHttpClients {
  private RpcHttpClients() {}

  /**
   * A client with {@code timeout} on every phase of a call and the given interceptors, in order.
   *
   * @param timeout connect, read, write and whole-call timeout of each request
   */
  public static OkHttpClient withTimeout(Duration timeout, Interceptor... interceptors) {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .socketFactory(new NoDelaySocketFactory());
    for (Interceptor i : interceptors) b.addInterceptor(i);
    return b.build();
  }
}
