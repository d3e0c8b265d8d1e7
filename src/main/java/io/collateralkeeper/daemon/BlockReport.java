package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the daemon did at one head.
 *
 * @param block the head block processed
 * @param tracked accounts tracked
 * @param liquidatable accounts with health below 1 at this block
 * @param sent attempts sent at this block
 * @param settled attempts whose receipts arrived at this block
 * @param skipped one line per liquidatable account not acted on, with the reason
 * @param timestamp the head's timestamp, unix seconds
 * @param open accounts with an open intent of ours (in flight) after this block
 * @param lostToOthers accounts liquidated by someone else in the blocks indexed at this head
 * @param priceProblems stale or deviating prices found at this head, by asset (only read when an account was about
 *     to be liquidated)
 * @param accountsRead accounts whose state was (re)read from the chain at this head (all of them at the first head,
 *     after a reorg and at full refreshes; else those the block's events touched)
 */
public record BlockReport(
    long block,
    int tracked,
    Set<Address> liquidatable,
    List<Attempt> sent,
    List<Attempt> settled,
    List<String> skipped,
    long timestamp,
    Set<Address> open,
    Set<Address> lostToOthers,
    Map<Address, String> priceProblems,
    int accountsRead) {

  /** A report whose every tracked account was read. */
  public BlockReport(
      long block, int tracked, Set<Address> liquidatable, List<Attempt> sent, List<Attempt> settled,
      List<String> skipped, long timestamp, Set<Address> open, Set<Address> lostToOthers,
      Map<Address, String> priceProblems) {
    this(block, tracked, liquidatable, sent, settled, skipped, timestamp, open, lostToOthers, priceProblems, tracked);
  }

  /** A report without the operations fields (timestamp 0, nothing open, lost or mispriced). */
  public BlockReport(
      long block, int tracked, Set<Address> liquidatable, List<Attempt> sent, List<Attempt> settled, List<String> skipped) {
    this(block, tracked, liquidatable, sent, settled, skipped, 0, Set.of(), Set.of(), Map.of());
  }
}
