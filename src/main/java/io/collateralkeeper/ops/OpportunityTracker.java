package io.collateralkeeper.ops;

import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.domain.Address;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Opportunity accounting from the daemon's block reports (pure state machine, no I/O). An opportunity starts when an
 * account becomes liquidatable and ends when it no longer is. It is <em>lost</em> when someone else liquidates the
 * account meanwhile (whether or not we had sent), and <em>missed</em> when it stays liquidatable for more than {@code
 * missedAfterBlocks} blocks without an attempt of ours (an open intent or a transaction sent).
 *
 * <p>Not thread-safe: fed from the daemon's thread.
 */
public final class OpportunityTracker {
  private final long missedAfterBlocks;
  private final Map<Address, Long> liquidatableSince = new HashMap<>();
  private final Set<Address> attempted = new HashSet<>();
  private final Set<Address> counted = new HashSet<>();

  /** @param missedAfterBlocks blocks an account may stay liquidatable without an attempt before it counts as missed */
  public OpportunityTracker(long missedAfterBlocks) {
    if (missedAfterBlocks < 1) throw new IllegalArgumentException("missedAfterBlocks must be positive");
    this.missedAfterBlocks = missedAfterBlocks;
  }

  /** Folds one head's report in. */
  public OpportunityDelta update(BlockReport r) {
    Set<Address> seen = new LinkedHashSet<>();
    for (Address a : r.liquidatable()) {
      if (!liquidatableSince.containsKey(a)) {
        liquidatableSince.put(a, r.block());
        seen.add(a);
      }
    }
    for (Attempt a : r.sent()) attempted.add(a.account());
    for (Address a : r.open()) if (liquidatableSince.containsKey(a)) attempted.add(a);

    Set<Address> lost = new LinkedHashSet<>();
    for (Address a : r.lostToOthers()) if (liquidatableSince.containsKey(a) || attempted.contains(a)) lost.add(a);

    Set<Address> ended = new HashSet<>(lost);
    for (Address a : liquidatableSince.keySet()) if (!r.liquidatable().contains(a)) ended.add(a);
    ended.forEach(this::end);

    Set<Address> missed = new LinkedHashSet<>();
    for (Map.Entry<Address, Long> e : liquidatableSince.entrySet()) {
      Address a = e.getKey();
      if (r.block() - e.getValue() > missedAfterBlocks && !attempted.contains(a) && counted.add(a)) missed.add(a);
    }
    return new OpportunityDelta(seen, lost, missed);
  }

  /** Accounts liquidatable now, with the block each became so. */
  public Map<Address, Long> open() {
    return Map.copyOf(liquidatableSince);
  }

  private void end(Address a) {
    liquidatableSince.remove(a);
    attempted.remove(a);
    counted.remove(a);
  }
}
