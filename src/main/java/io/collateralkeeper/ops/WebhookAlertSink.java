package io.collateralkeeper.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts as JSON to a webhook through OkHttp, asynchronously (the caller never waits for the network). The URL
 * is a secret (Slack and Discord put their tokens in it) and never appears in logs or errors. Delivery failures are
 * logged and dropped.
 */
public final class WebhookAlertSink implements AlertSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertSink.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String url;
  private final WebhookFormat format;
  private final String chatId;
  private final OkHttpClient http;

  /**
   * @param url the webhook URL
   * @param format the body format
   * @param chatId Telegram chat id (format {@link WebhookFormat#TELEGRAM}), else null
   */
  public WebhookAlertSink(String url, WebhookFormat format, String chatId) {
    this.url = url;
    this.format = format;
    this.chatId = chatId;
    this.http =
        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public void send(Alert alert) {
    String text = "collateral-keeper " + alert.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + ": " + alert.message();
    String body;
    try {
      body = MAPPER.writeValueAsString(format.body(text, chatId));
    } catch (JsonProcessingException e) {
      LOG.warn("alert not sent: {}", e.getOriginalMessage());
      return;
    }
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    http.newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                LOG.warn("alert webhook unreachable ({}): {} alert dropped", e.getClass().getSimpleName(), alert.kind());
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  if (!response.isSuccessful()) {
                    LOG.warn("alert webhook answered HTTP {}: {} alert dropped", response.code(), alert.kind());
                  }
                }
              }
            });
  }

  /** Lets queued deliveries finish (up to 5 s), then releases the HTTP client's threads. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    try {
      http.dispatcher().executorService().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.connectionPool().evictAll();
  }
}
