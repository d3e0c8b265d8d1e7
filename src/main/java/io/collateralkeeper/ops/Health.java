package io.collateralkeeper.ops;

import java.util.List;

/**
 * The keeper's health: healthy, or the problems that make it unhealthy.
 *
 * @param problems why the keeper is unhealthy; empty when healthy
 */
public record Health(List<Problem> problems) {
  public Health {
    problems = List.copyOf(problems);
  }

  /**
   * One reason to be unhealthy.
   *
   * @param kind the alert it raises ({@link AlertKind#STALE_HEAD}, {@link AlertKind#WALLET_BELOW_FLOOR} or {@link
   *     AlertKind#RPC_DOWN})
   * @param message one line for a human
   */
  public record Problem(AlertKind kind, String message) {}

  /** True when there is no problem. */
  public boolean healthy() {
    return problems.isEmpty();
  }

  /** The problems' messages. */
  public List<String> reasons() {
    return problems.stream().map(Problem::message).toList();
  }
}
