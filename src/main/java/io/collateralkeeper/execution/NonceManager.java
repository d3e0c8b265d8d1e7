package io.collateralkeeper.execution;

import io.collateralkeeper.domain.Address;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Our own nonce manager for one signer. It is seeded from the chain and the journal, hands out nonces, and tracks
 * each as {@link NonceState in flight, replaced, included or dropped}. No I/O: the pipeline tells it what the chain
 * and the node said. Thread-safe.
 *
 * <p>Invariant: every nonce below {@code floor} is consumed on chain; every nonce in {@code [floor, next)} has a
 * state; nonces from {@code next} on were never handed out. A dropped nonce is handed out again before a fresh one;
 * dropped nonces at the top are released (so {@code next} goes back down).
 */
public final class NonceManager {
  private final Address signer;
  private final TreeMap<Long, NonceState> states = new TreeMap<>();
  private long floor;
  private long next;

  private NonceManager(Address signer, long floor, long next) {
    this.signer = signer;
    this.floor = floor;
    this.next = next;
    for (long n = floor; n < next; n++) states.put(n, NonceState.IN_FLIGHT);
  }

  /**
   * Seeds the manager: the next nonce is {@code max(chain pending nonce, journal's highest live nonce + 1)}; every
   * nonce from the chain's latest nonce up to it counts as in flight (the caller fills the ones it knows to be gaps).
   *
   * @param signer the sending address
   * @param chainLatest {@code eth_getTransactionCount(signer, "latest")}: nonces below are consumed
   * @param chainPending {@code eth_getTransactionCount(signer, "pending")}
   * @param journalHighest the highest nonce with a journaled transaction that is not dropped
   */
  public static NonceManager seed(Address signer, long chainLatest, long chainPending, OptionalLong journalHighest) {
    long next = Math.max(chainLatest, chainPending);
    if (journalHighest.isPresent()) next = Math.max(next, journalHighest.getAsLong() + 1);
    return new NonceManager(signer, chainLatest, next);
  }

  /** The signer these nonces belong to. */
  public Address signer() {
    return signer;
  }

  /** Hands out a nonce: the lowest dropped one if any, else a fresh one. It becomes in flight. */
  public synchronized long next() {
    Optional<Long> gap = lowest(NonceState.DROPPED);
    long n = gap.orElse(next);
    if (gap.isEmpty()) next++;
    states.put(n, NonceState.IN_FLIGHT);
    return n;
  }

  /** The nonce a fresh {@link #next()} would return when no dropped nonce is waiting. */
  public synchronized long peekNext() {
    return next;
  }

  /** The lowest nonce not known to be consumed on chain. */
  public synchronized long floor() {
    return floor;
  }

  /** A transaction at {@code nonce} was replaced (same nonce, higher fees). */
  public synchronized void markReplaced(long nonce) {
    require(nonce);
    states.put(nonce, NonceState.REPLACED);
  }

  /** {@code nonce} is in flight again (a dropped nonce refilled, e.g. by a cancellation). */
  public synchronized void markInFlight(long nonce) {
    require(nonce);
    states.put(nonce, NonceState.IN_FLIGHT);
  }

  /** {@code nonce} is consumed on chain (by one of our transactions or by another). */
  public synchronized void markIncluded(long nonce) {
    if (nonce < floor) return;
    require(nonce);
    states.put(nonce, NonceState.INCLUDED);
    while (states.get(floor) == NonceState.INCLUDED) states.remove(floor++);
  }

  /** Nothing at {@code nonce} will land (the node rejected it): it is free again. */
  public synchronized void markDropped(long nonce) {
    if (nonce < floor) return;
    require(nonce);
    states.put(nonce, NonceState.DROPPED);
    while (next > floor && states.get(next - 1) == NonceState.DROPPED) states.remove(--next);
  }

  /**
   * Re-syncs with the node after it refused a nonce ("nonce too low", or a pool slot taken): dropped nonces below
   * {@code chainLatest} were consumed elsewhere; dropped nonces below {@code chainPending} are taken by a pending
   * transaction not ours (in flight, not gaps); the next fresh nonce is at least {@code chainPending}, nonces skipped
   * that way counting as included below {@code chainLatest} and as in flight above. In-flight nonces below {@code chainLatest} stay for the pipeline to settle
   * from receipts.
   *
   * @param chainLatest {@code eth_getTransactionCount(signer, "latest")}
   * @param chainPending {@code eth_getTransactionCount(signer, "pending")}
   */
  public synchronized void resync(long chainLatest, long chainPending) {
    for (Map.Entry<Long, NonceState> e : new TreeMap<>(states.headMap(chainPending)).entrySet()) {
      if (e.getValue() != NonceState.DROPPED) continue;
      if (e.getKey() < chainLatest) markIncluded(e.getKey());
      else states.put(e.getKey(), NonceState.IN_FLIGHT);
    }
    while (next < chainPending) {
      long n = next++;
      states.put(n, NonceState.IN_FLIGHT);
      if (n < chainLatest) markIncluded(n);
    }
  }

  /**
   * Undoes inclusions after a reorg: every nonce from {@code firstUndone} that counted as included is in flight again
   * when {@code live} holds it (a journaled transaction of ours may land there again), else dropped (a gap the
   * pipeline fills). The floor moves down to {@code firstUndone} if needed.
   *
   * @param firstUndone the lowest nonce whose inclusion left the chain
   * @param live nonces with a journaled transaction that may still land
   */
  public synchronized void rewind(long firstUndone, java.util.Set<Long> live) {
    long oldFloor = floor;
    floor = Math.min(floor, firstUndone);
    next = Math.max(next, firstUndone);
    for (long n = firstUndone; n < next; n++) {
      NonceState s = n < oldFloor ? NonceState.INCLUDED : states.get(n);
      if (s == NonceState.INCLUDED) states.put(n, live.contains(n) ? NonceState.IN_FLIGHT : NonceState.DROPPED);
    }
  }

  /** The state of {@code nonce}: included below the floor, empty when never handed out. */
  public synchronized Optional<NonceState> state(long nonce) {
    if (nonce < floor) return Optional.of(NonceState.INCLUDED);
    return Optional.ofNullable(states.get(nonce));
  }

  /** Nonces in flight or replaced, ascending. */
  public synchronized SortedSet<Long> inFlight() {
    SortedSet<Long> out = new TreeSet<>();
    states.forEach((n, s) -> {
      if (s == NonceState.IN_FLIGHT || s == NonceState.REPLACED) out.add(n);
    });
    return out;
  }

  /** Dropped nonces below a nonce in flight: gaps that hold back later transactions until filled. Ascending. */
  public synchronized SortedSet<Long> gaps() {
    SortedSet<Long> out = new TreeSet<>();
    states.forEach((n, s) -> {
      if (s == NonceState.DROPPED) out.add(n);
    });
    return out;
  }

  private Optional<Long> lowest(NonceState state) {
    return states.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey).findFirst();
  }

  private void require(long nonce) {
    if (nonce < floor || nonce >= next) {
      throw new IllegalStateException("nonce " + nonce + " of " + signer + " was not handed out");
    }
  }

  @Override
  public synchronized String toString() {
    return "NonceManager[" + signer + " floor=" + floor + " next=" + next + " " + states + "]";
  }
}
