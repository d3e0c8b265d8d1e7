package io.collateralkeeper.devnet.relay;

import io.collateralkeeper.execution.bundle.DecodedTx;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bundle the devnet relay accepted.
 *
 * @param txs its transactions, in order
 * @param target the one block it may be included in
 * @param revertingTxHashes hashes (lowercase) of the transactions allowed to revert
 * @param replacementUuid the id a later bundle replaces it under, if any
 * @param bundleHash keccak256 of the concatenated transaction hashes
 */
record PendingBundle(
    List<DecodedTx> txs, long target, Set<String> revertingTxHashes, Optional<String> replacementUuid, String bundleHash) {

  static PendingBundle of(List<DecodedTx> txs, long target, Set<String> reverting, Optional<String> uuid) {
    return new PendingBundle(List.copyOf(txs), target, Set.copyOf(reverting), uuid, DecodedTx.bundleHash(txs));
  }

  boolean mayRevert(String txHash) {
    return revertingTxHashes.contains(txHash);
  }
}
