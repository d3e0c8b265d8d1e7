package io.collateralkeeper.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
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

  /** Switches the console appender of {@code logback.xml} to this format. */
  void apply() {
    if (this == TEXT) return;
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Appender<ILoggingEvent> appender = ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)) return;
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(ctx);
    encoder.start();
    console.stop();
    console.setEncoder(encoder);
    console.start();
  }
}
