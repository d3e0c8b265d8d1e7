package io.collateralkeeper.chain;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp interceptor that times each JSON-RPC HTTP exchange and reports it to the installed {@link RpcObserver},
 * naming the endpoint by its {@link Endpoint} tag (the configured URL, redacted), else by the request URL redacted
 * (one client serves several endpoints). An observer that {@linkplain RpcObserver#observesRequests asks for it} is also
 * told each request's JSON-RPC method names before the request is sent.
 */
final class RpcTimingInterceptor implements Interceptor {
  /** The request tag naming the endpoint, as configured and redacted. */
  record Endpoint(String redactedUrl) {}

  private final Map<String, String> redacted = new ConcurrentHashMap<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Endpoint tag = chain.request().tag(Endpoint.class);
    String endpoint =
        tag != null
            ? tag.redactedUrl()
            : redacted.computeIfAbsent(chain.request().url().toString(), EndpointRedactor::redact);
    RpcObserver observer = RpcObserver.installed();
    if (observer.observesRequests()) observer.onRequest(endpoint, JsonRpcMethods.of(chain.request().body()));
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
