package io.collateralkeeper.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log format on stderr: {@code text} (human-readable lines, the default) or {@code json} (one JSON object per
 * line: {@code @timestamp}, {@code level}, {@code logger_name}, {@code message}, and the named fields of operator
 * events such as {@code event}, {@code account}, {@code tx}; logstash-logback-encoder).
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** The encoder {@code logback.xml} configured (the text format), kept when switching to JSON. */
  private static Encoder<ILoggingEvent> textEncoder;

  /** Switches the console appender of {@code logback.xml} to this format. */
  synchronized void apply() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Appender<ILoggingEvent> appender = ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)) return;
    if (textEncoder == null) textEncoder = console.getEncoder();
    Encoder<ILoggingEvent> encoder = textEncoder;
    if (this == JSON) {
      LogstashEncoder json = new LogstashEncoder();
      json.setContext(ctx);
      json.start();
      encoder = json;
    }
    if (console.getEncoder() == encoder) return;
    console.stop();
    console.setEncoder(encoder);
    console.start();
  }
}
