package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.chain.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one bundle for one block: simulated first with {@code eth_callBundle} at the first relay that offers it, then
 * {@code eth_sendBundle} to every relay. An unreachable simulator is not a reason to give up (the bundle goes
 * unsimulated); a relay's answered refusal or a reverting transaction is.
 */
final class BundleSender {
  private static final Logger LOG = LoggerFactory.getLogger(BundleSender.class);

  private final List<BundleClient> relays;

  BundleSender(List<BundleClient> relays) {
    if (relays.isEmpty()) throw new IllegalArgumentException("the bundle route needs at least one relay");
    this.relays = List.copyOf(relays);
  }

  /**
   * @param raws signed raw transactions, 0x-hex, in execution order
   * @param head the current head; the bundle is for {@code head + 1}
   * @param replacementUuid the bundle's replacement id (a later send with the same id replaces it at the relay)
   */
  BundleAttempt send(List<String> raws, long head, String replacementUuid) {
    Optional<BundleAttempt.SimulationFailed> failed = simulate(raws, head);
    if (failed.isPresent()) return failed.get();
    long target = head + 1;
    SendBundleParams params = SendBundleParams.of(raws, target, replacementUuid);
    List<RelayReply> replies = new ArrayList<>();
    for (BundleClient relay : relays) {
      try {
        replies.add(RelayReply.accepted(relay.endpoint().name(), relay.sendBundle(params)));
      } catch (RpcException e) {
        LOG.warn("bundle for block {} at {}: {}", target, relay.endpoint().name(), e.getMessage());
        replies.add(RelayReply.failed(relay.endpoint().name(), e.getMessage()));
      }
    }
    if (replies.stream().noneMatch(RelayReply::accepted)) {
      return new BundleAttempt.Refused(
          "no relay accepted the bundle: " + String.join("; ", replies.stream().map(r -> r.error().orElse("")).toList()));
    }
    return new BundleAttempt.Sent(target, List.copyOf(replies));
  }

  private Optional<BundleAttempt.SimulationFailed> simulate(List<String> raws, long head) {
    for (BundleClient relay : relays) {
      if (!relay.endpoint().offersCallBundle()) continue;
      try {
        CallBundleResult sim = relay.callBundle(CallBundleParams.nextBlock(raws, head));
        return sim.firstFailure()
            .map(f -> new BundleAttempt.SimulationFailed(
                Optional.of(f.txHash()),
                "simulation at " + relay.endpoint().name() + ": " + f.txHash() + " failed: " + f.error()));
      } catch (BundleRelayException e) {
        if (e.answered()) {
          return Optional.of(new BundleAttempt.SimulationFailed(Optional.empty(), "simulation failed: " + e.getMessage()));
        }
        LOG.warn("bundle simulation at {} unavailable: {}", relay.endpoint().name(), e.getMessage());
      }
    }
    return Optional.empty();
  }
}
