package io.collateralkeeper.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the journal lives: {@code --journal FILE}, else {@code KEEPER_JOURNAL}, else {@code ./keeper-journal.db}.
 * Shared by {@code keeper run} (which writes it) and {@code keeper history} (which reads it).
 */
public final class JournalOptions {
  /** The journal file used when neither the flag nor the environment variable names one. */
  public static final Path DEFAULT = Path.of("keeper-journal.db");

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description = "Journal database (SQLite; default: $KEEPER_JOURNAL, else ./keeper-journal.db).")
  Path journal;

  /** The journal file, after the flag, {@code KEEPER_JOURNAL} and the default. */
  public Path path() {
    return path(null);
  }

  /** The journal file: the flag, else {@code KEEPER_JOURNAL}, else the strategy's {@code journal} key, else the default. */
  public Path path(String fromStrategy) {
    if (journal != null) return journal;
    String env = System.getenv("KEEPER_JOURNAL");
    if (env != null && !env.isBlank()) return Path.of(env);
    return fromStrategy == null ? DEFAULT : Path.of(fromStrategy);
  }
}
