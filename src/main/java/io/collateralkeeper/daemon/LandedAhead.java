package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Accounts whose liquidation settled in a block after the head being processed. The pipeline settles a nonce as soon
 * as the node's latest block consumed it, which can be ahead of the head whose state the daemon read (a node that
 * mines on demand, or a new block between the header read and the nonce read): at that head the account still looks
 * liquidatable, and planning it again would simulate a liquidation that the chain has already made (Aave: error 45,
 * "health factor not below threshold"). Such an account is left alone until a head at or after its inclusion block.
 * Not thread-safe (the daemon's head loop owns it).
 */
final class LandedAhead {
  private final Map<Address, Long> includedIn = new HashMap<>();

  /**
   * Records that {@code account}'s transaction was included in block {@code block}.
   *
   * @param account the account the transaction acted on
   * @param block its inclusion block
   */
  void landed(Address account, long block) {
    includedIn.merge(account, block, Math::max);
  }

  /**
   * The accounts to leave alone at {@code head}: those whose inclusion block is after it. Entries at or before the
   * head are forgotten (the head's state shows them).
   *
   * @param head the head whose state the caller read
   * @return the accounts, a snapshot
   */
  Set<Address> aheadOf(long head) {
    includedIn.values().removeIf(block -> block <= head);
    return Set.copyOf(includedIn.keySet());
  }
}
