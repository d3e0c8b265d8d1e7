package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What protect transactions spent today (UTC), per token, from the journal: intents opened today that are still open
 * (they may land) or won (they landed) count their planned amount; reverted, cancelled and failed ones spent nothing.
 * Read-only.
 */
final class SpendLedger {
  private final Optional<Journal> journal;
  private final Clock clock;
  private final long chainId;
  private final String protocol;

  SpendLedger(Optional<Journal> journal, Clock clock, long chainId, String protocol) {
    this.journal = journal;
    this.clock = clock;
    this.chainId = chainId;
    this.protocol = protocol;
  }

  /** Token units committed today per token. */
  Map<Address, BigInteger> spentToday() {
    Map<Address, BigInteger> out = new HashMap<>();
    if (journal.isEmpty()) return out;
    long dayStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    for (IntentRecord i : journal.get().intentsSince(chainId, protocol, dayStart)) {
      if (i.status() != IntentStatus.OPEN && i.status() != IntentStatus.WON) continue;
      IntentAction.parse(i.action())
          .filter(a -> a.token().isPresent() && a.spend().signum() > 0)
          .ifPresent(a -> out.merge(a.token().get(), a.spend(), BigInteger::add));
    }
    return out;
  }
}
