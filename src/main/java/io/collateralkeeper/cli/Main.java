package io.collateralkeeper.cli;

import io.collateralkeeper.KeeperException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code keeper} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the command line with the given output streams (tests call this). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = commandLine();
    cmd.setOut(out);
    cmd.setErr(err);
    return cmd.execute(args);
  }

  static CommandLine commandLine() {
    KeeperCommand root = new KeeperCommand();
    CommandLine cmd = new CommandLine(root);
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          boolean debug = root.debug;
          if (ex instanceof KeeperException) {
            err.println("error: " + ex.getMessage());
            if (debug) ex.printStackTrace(err);
            err.flush();
            return ExitCodes.USAGE;
          }
          err.println("internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
          if (debug) ex.printStackTrace(err);
          err.flush();
          return ExitCodes.INTERNAL;
        });
    cmd.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("error: " + ex.getMessage());
          err.println("try: keeper " + ex.getCommandLine().getCommandName().replace("keeper", "").trim() + " --help");
          err.flush();
          return ExitCodes.USAGE;
        });
    return cmd;
  }
}
