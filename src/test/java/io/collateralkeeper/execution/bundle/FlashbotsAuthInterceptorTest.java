package io.collateralkeeper.execution.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The interceptor signs the exact bytes that arrive at the server, with the identity key. */
class FlashbotsAuthInterceptorTest {

  @Test
  void shouldSignTheBodyBytesTheServerReceives() throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    AtomicReference<String> header = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      body.set(ex.getRequestBody().readAllBytes());
      header.set(ex.getRequestHeaders().getFirst("X-Flashbots-Signature"));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
    try {
      Signer identity = WalletLoader.devAccount(9, 31337);
      BundleIdentity id = BundleIdentity.separateFrom(identity, Address.of(WalletLoader.devAccount(1, 31337).address()));
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new FlashbotsAuthInterceptor(id)).build();
      String json = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_sendBundle\",\"params\":[{\"txs\":[\"0x02\"]}]}";
      Request req =
          new Request.Builder()
              .url("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .post(RequestBody.create(json, MediaType.get("application/json")))
              .build();
      try (Response res = http.newCall(req).execute()) {
        assertThat(res.code()).isEqualTo(200);
      }
      assertThat(new String(body.get(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(json);
      assertThat(FlashbotsSignature.verify(header.get(), body.get())).contains(Address.of(identity.address()));
    } finally {
      server.stop(0);
    }
  }
}
