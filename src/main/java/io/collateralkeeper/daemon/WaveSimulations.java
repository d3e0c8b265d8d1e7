package io.collateralkeeper.daemon;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.execution.CallSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simulations of a head's waves, run one after the other on a virtual thread as soon as they are created, so that
 * the node simulates wave k+1 while the caller signs and sends wave k. The simulator is only ever used by one thread at
 * a time: each simulation starts after the previous one ended.
 */
final class WaveSimulations implements AutoCloseable {
  private static final Executor SIMULATING = Background.thread("keeper-simulate");

  private final List<CompletableFuture<List<CallSimulator.Outcome>>> outcomes = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

  /**
   * Starts simulating every wave, in order.
   *
   * @param waves the calls of each wave
   */
  WaveSimulations(CallSimulator simulator, List<List<CallRequest>> waves) {
    for (List<CallRequest> calls : waves) {
      CompletableFuture<List<CallSimulator.Outcome>> f =
          last.thenApplyAsync(
              ignored -> {
                if (closed.get()) throw new CancellationException("the head's waves were abandoned");
                return simulator.simulate(calls);
              },
              SIMULATING);
      outcomes.add(f);
      last = f;
    }
  }

  /**
   * Waits for wave {@code w}'s outcomes.
   *
   * @throws io.collateralkeeper.chain.RpcException as the simulation threw it (and for every later wave)
   */
  List<CallSimulator.Outcome> outcomes(int w) {
    return Background.join(outcomes.get(w));
  }

  /** Stops the simulations not yet begun and waits for the one running, if any. */
  @Override
  public void close() {
    closed.set(true);
    last.handle((r, e) -> null).join();
  }
}
