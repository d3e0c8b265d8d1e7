package io.collateralkeeper.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code keeper} command. */
@Command(
    name = "keeper",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Collateral Keeper: liquidates under-collateralized accounts and keeps your own accounts safe.",
    subcommands = {RunCommand.class, SimulateCommand.class, DemoCommand.class, HistoryCommand.class, DevnetCommand.class,
      ProtectCommand.class, HealthCommand.class, BenchCommand.class})
public final class KeeperCommand implements Runnable {
  boolean debug;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Debug logging and stack traces on errors.")
  void setDebug(boolean debug) {
    this.debug = debug;
    if (debug) {
      ((Logger) LoggerFactory.getLogger("io.collateralkeeper")).setLevel(Level.DEBUG);
    }
  }

  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "Log format on stderr: ${COMPLETION-CANDIDATES} (default: text; json = one JSON object per line).",
      converter = LogFormatConverter.class)
  void setLogFormat(LogFormat format) {
    format.apply();
  }

  /** Accepts text and json in any case. */
  static final class LogFormatConverter implements picocli.CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "text" -> LogFormat.TEXT;
        case "json" -> LogFormat.JSON;
        default -> throw new picocli.CommandLine.TypeConversionException("expected text or json, not '" + value + "'");
      };
    }
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
