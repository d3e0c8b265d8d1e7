package io.collateralkeeper.execution.bundle;

import java.util.List;
import java.util.Optional;

/** What one send of a bundle for one block came to (see {@link BundleRoute#sendOnce}). */
public sealed interface BundleAttempt {
  /**
   * At least one relay accepted the bundle for {@code targetBlock}.
   *
   * @param targetBlock the block the bundle is for
   * @param replies every relay's answer
   */
  record Sent(long targetBlock, List<RelayReply> replies) implements BundleAttempt {}

  /**
   * The {@code eth_callBundle} simulation says the bundle would fail; nothing was sent.
   *
   * @param failedTxHash the first transaction that reverted, when the relay named one (empty when it refused the
   *     whole bundle, e.g. for a wrong nonce)
   * @param reason one line
   */
  record SimulationFailed(Optional<String> failedTxHash, String reason) implements BundleAttempt {}

  /**
   * No relay accepted the bundle.
   *
   * @param reason every relay's error, one line
   */
  record Refused(String reason) implements BundleAttempt {}
}
