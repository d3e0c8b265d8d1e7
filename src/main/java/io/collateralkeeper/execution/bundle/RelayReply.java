package io.collateralkeeper.execution.bundle;

import java.util.Optional;

/**
 * What one relay answered to one {@code eth_sendBundle}.
 *
 * @param relay the relay's name
 * @param bundleHash the hash it reported, when it accepted the bundle
 * @param error its one-line refusal or transport error, when it did not
 */
public record RelayReply(String relay, Optional<String> bundleHash, Optional<String> error) {
  static RelayReply accepted(String relay, String bundleHash) {
    return new RelayReply(relay, Optional.of(bundleHash), Optional.empty());
  }

  static RelayReply failed(String relay, String error) {
    return new RelayReply(relay, Optional.empty(), Optional.of(error));
  }

  /** True when the relay accepted the bundle. */
  public boolean accepted() {
    return bundleHash.isPresent();
  }
}
