package io.collateralkeeper.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body an alert webhook receives. */
public enum WebhookFormat {
  /** {@code {"text": ..., "content": ...}}: Slack incoming webhooks read text, Discord webhooks read content. */
  SLACK_DISCORD,
  /** {@code {"chat_id": ..., "text": ...}}: Telegram's {@code sendMessage}. */
  TELEGRAM,
  /** {@code {"text": ...}}. */
  TEXT_ONLY;

  /** The strategy's {@code ops.webhook-format} value (null = {@link #SLACK_DISCORD}). */
  public static WebhookFormat of(String key) {
    if (key == null) return SLACK_DISCORD;
    return switch (key) {
      case "telegram" -> TELEGRAM;
      case "text-only" -> TEXT_ONLY;
      default -> SLACK_DISCORD;
    };
  }

  /** The body's fields for a text and (Telegram) chat id. */
  Map<String, Object> body(String text, String chatId) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (this) {
      case SLACK_DISCORD -> {
        m.put("text", text);
        m.put("content", text);
      }
      case TELEGRAM -> {
        m.put("chat_id", chatId);
        m.put("text", text);
      }
      case TEXT_ONLY -> m.put("text", text);
    }
    return m;
  }
}
