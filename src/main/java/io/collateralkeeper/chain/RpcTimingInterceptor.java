package io.collateralkeeper.chain;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** An OkHttp interceptor that times each JSON-RPC HTTP exchange and reports it to the installed {@link RpcObserver}. */
final class RpcTimingInterceptor implements Interceptor {
  private final String endpoint;

  /** @param url the endpoint URL (redacted here, once) */
  RpcTimingInterceptor(String url) {
    this.endpoint = EndpointRedactor.redact(url);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
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
