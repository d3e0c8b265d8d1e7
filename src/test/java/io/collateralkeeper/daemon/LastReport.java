package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the daemon's last block report, to tell "the keeper is done" from "the keeper is stuck" when a price path
 * leaves small remainders: after partial closes at one price, what is left of an account at the next may not pay for
 * its gas, and a careful keeper declines it (the chain still calls it liquidatable). Thread-safe.
 */
final class LastReport implements KeeperListener {
  /** Skip reasons that mean "not worth it", as {@link KeeperDaemon} and the adapters word them. */
  private static final List<String> UNPROFITABLE = List.of("no bid: ", "unprofitable: ", "no collateral left to pay the fee");

  private final AtomicReference<BlockReport> last = new AtomicReference<>();

  @Override
  public void onBlock(BlockReport report) {
    last.set(report);
  }

  /**
   * True when the daemon has processed {@code head}, has nothing in flight, and declined at that head, for want of
   * profit, every account of {@code stillLiquidatable} (the accounts the chain still calls liquidatable).
   */
  boolean onlyUnprofitableLeft(Collection<Address> stillLiquidatable, long head) {
    BlockReport r = last.get();
    if (r == null || r.block() != head || !r.open().isEmpty()) return false;
    for (Address a : stillLiquidatable) {
      String prefix = a + ": ";
      boolean declined =
          r.skipped().stream()
              .filter(s -> s.startsWith(prefix))
              .map(s -> s.substring(prefix.length()))
              .anyMatch(reason -> UNPROFITABLE.stream().anyMatch(reason::startsWith));
      if (!declined) return false;
    }
    return true;
  }

  /** The last report, or null before the first head. */
  BlockReport get() {
    return last.get();
  }
}
