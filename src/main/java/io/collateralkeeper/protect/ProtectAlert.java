package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import java.util.Objects;

/**
 * Something the user must hear about: protect mode could not act, acted short of its target, hit a limit, or a
 * transaction did not land as planned.
 *
 * @param severity how bad
 * @param account the account concerned
 * @param code stable machine code, e.g. {@code CANNOT_ACT}, {@code LIMIT_REACHED}
 * @param message one line for a human
 */
public record ProtectAlert(Severity severity, Address account, String code, String message) {
  /** How bad an alert is. */
  public enum Severity {
    /** A limit shaped the action, or a check needs attention; the account is still being looked after. */
    WARNING,
    /** The account is not protected as configured: it may be liquidated. */
    CRITICAL
  }

  public ProtectAlert {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Alert codes. */
  public static final String CANNOT_ACT = "CANNOT_ACT";
  public static final String LIMIT_REACHED = "LIMIT_REACHED";
  public static final String SHORT_OF_TARGET = "SHORT_OF_TARGET";
  public static final String LIQUIDATABLE = "LIQUIDATABLE";
  public static final String REVERTED = "REVERTED";
  public static final String OVERSPENT = "OVERSPENT";
  public static final String LANDED_SHORT = "LANDED_SHORT";
  public static final String NO_HISTORY = "NO_HISTORY";
}
