package io.collateralkeeper.chain;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp interceptor that times each JSON-RPC HTTP exchange and reports it to the installed {@link RpcObserver},
 * labelled with the request's endpoint URL, redacted ({@link EndpointRedactor}).
 */
final class RpcTimingInterceptor implements Interceptor {
  /** Redacted endpoint label per request URL (a handful of endpoints per process). */
  private final java.util.concurrent.ConcurrentHashMap<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    String endpoint = labels.computeIfAbsent(chain.request().url().toString(), EndpointRedactor::redact);
    long start = System.nanoTime();
    try {
      Response r = chain.proceed(chain.request());
      RpcObserver.installed().onResponse(endpoint, System.nanoTime() - start, r.code());
      return r;
    } catch (IOException | RuntimeException e) {
      RpcObserver.installed().onFailure(endpoint, System.nanoTime() - start, e.getClass().getSimpleName());
      throw e;
    }
  }
}
