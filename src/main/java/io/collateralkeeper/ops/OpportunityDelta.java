package io.collateralkeeper.ops;

import io.collateralkeeper.domain.Address;
import java.util.Set;

/**
 * What one head changed in the opportunity accounting.
 *
 * @param seen accounts that became liquidatable (a new opportunity each)
 * @param lost opportunities of ours a competitor liquidated (while our intent was open, or before we sent)
 * @param missed accounts liquidatable for more than the configured number of blocks without an attempt of ours
 *     (counted once per opportunity)
 */
public record OpportunityDelta(Set<Address> seen, Set<Address> lost, Set<Address> missed) {
  public OpportunityDelta {
    seen = Set.copyOf(seen);
    lost = Set.copyOf(lost);
    missed = Set.copyOf(missed);
  }
}
