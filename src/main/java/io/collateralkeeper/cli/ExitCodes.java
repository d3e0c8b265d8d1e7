package io.collateralkeeper.cli;

/** Process exit codes. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** A bug or an unexpected failure (stack trace with --debug). */
  public static final int INTERNAL = 1;
  /** Bad input or environment: the message says what to fix. */
  public static final int USAGE = 2;
  /** The command ran but its goal was not met (e.g. the demo left accounts liquidatable). */
  public static final int GOAL_NOT_MET = 3;

  private ExitCodes() {}
}
