package io.collateralkeeper.daemon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** The daemon's background work within one head: virtual threads, and joins that rethrow what the work threw. */
final class Background {
  private Background() {}

  /** An executor running each task on a new virtual thread named {@code name}. */
  static Executor thread(String name) {
    return task -> Thread.ofVirtual().name(name).start(task);
  }

  /**
   * The work's result; its failure rethrown as it was thrown (an {@link io.collateralkeeper.chain.RpcException} stays
   * one, so the daemon's loop handles it as any failed step).
   */
  static <T> T join(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }
}
