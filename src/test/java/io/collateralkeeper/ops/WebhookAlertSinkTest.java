package io.collateralkeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts reach a local HTTP receiver as Slack/Discord- or Telegram-shaped JSON. */
class WebhookAlertSinkTest {
  private HttpServer receiver;
  private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void listen() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook/T0/secret-token", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/T0/secret-token";
  }

  @Test
  void shouldPostTextAndContentForSlackAndDiscord() throws Exception {
    try (WebhookAlertSink sink = new WebhookAlertSink(url(), WebhookFormat.SLACK_DISCORD, null)) {
      sink.send(new Alert(AlertKind.STALE_HEAD, "stale head: no new block processed for 61 s (limit 60 s)"));
    }
    JsonNode body = json.readTree(bodies.poll(5, TimeUnit.SECONDS));
    assertThat(body.get("text").asText()).isEqualTo("collateral-keeper stale head: stale head: no new block processed for 61 s (limit 60 s)");
    assertThat(body.get("content").asText()).isEqualTo(body.get("text").asText());
  }

  @Test
  void shouldPostChatIdAndTextForTelegram() throws Exception {
    try (WebhookAlertSink sink = new WebhookAlertSink(url(), WebhookFormat.TELEGRAM, "-100123")) {
      sink.send(new Alert(AlertKind.TX_REVERTED, "x"));
    }
    JsonNode body = json.readTree(bodies.poll(5, TimeUnit.SECONDS));
    assertThat(body.get("chat_id").asText()).isEqualTo("-100123");
    assertThat(body.get("text").asText()).isEqualTo("collateral-keeper tx reverted: x");
    assertThat(body.has("content")).isFalse();
  }

  @Test
  void shouldNotThrowWhenTheWebhookIsDown() {
    receiver.stop(0);
    try (WebhookAlertSink sink = new WebhookAlertSink(url(), WebhookFormat.TEXT_ONLY, null)) {
      sink.send(new Alert(AlertKind.RPC_DOWN, "x"));
    }
    assertThat(bodies).isEmpty();
  }
}
