package io.collateralkeeper.execution.bundle;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Adds {@code X-Flashbots-Signature} to every request with a body, signing the exact bytes that are sent: the body
 * is serialized once, signed, and those same bytes go on the wire.
 */
public final class FlashbotsAuthInterceptor implements Interceptor {
  private final BundleIdentity identity;

  /** Signs with {@code identity}. */
  public FlashbotsAuthInterceptor(BundleIdentity identity) {
    this.identity = identity;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body == null) return chain.proceed(request);
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    byte[] bytes = buffer.readByteArray();
    Request signed =
        request
            .newBuilder()
            .header(FlashbotsSignature.HEADER, FlashbotsSignature.header(bytes, identity.keyPair()))
            .method(request.method(), RequestBody.create(bytes, body.contentType()))
            .build();
    return chain.proceed(signed);
  }
}
