package io.collateralkeeper.protect;

import java.util.List;

/**
 * What protect mode saw and did at one block.
 *
 * @param block the head processed
 * @param accounts each protected account's status and decision
 * @param sent transactions submitted
 * @param landings included protect transactions checked against their plans
 * @param alerts alerts raised (after throttling)
 */
public record ProtectReport(
    long block, List<AccountStatus> accounts, List<SentAction> sent, List<Landing> landings, List<ProtectAlert> alerts) {
  public ProtectReport {
    accounts = List.copyOf(accounts);
    sent = List.copyOf(sent);
    landings = List.copyOf(landings);
    alerts = List.copyOf(alerts);
  }
}
