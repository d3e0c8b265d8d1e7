package io.collateralkeeper.daemon;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.LogIndexer;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.BlockRef;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.protocol.ProtocolAdapter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The protocol's accounts, indexed from its events and persisted in the journal, with reorg handling. Each account is
 * stored with the block (and hash) of the event that first revealed it; each processed head is kept as a checkpoint
 * (number and hash) for {@code reorgDepth} blocks. At each head the newest checkpoint is compared with the chain: when
 * it no longer matches, the newest checkpoint that still does is the common ancestor, the index rolls back to it
 * (accounts first seen after it are dropped) and the events from there are read again. Deeper than {@code reorgDepth}
 * (no checkpoint matches), the index is rebuilt from the start block.
 */
final class AccountIndex {
  private static final Logger LOG = LoggerFactory.getLogger(AccountIndex.class);

  private final ChainClient chain;
  private final Journal journal;
  private final ProtocolAdapter adapter;
  private final long chainId;
  private final long startBlock;
  private final long reorgDepth;
  private final LogIndexer indexer;
  private final Set<Address> known = new LinkedHashSet<>();
  private final Deque<BlockRef> checkpoints = new ArrayDeque<>(); // newest first
  private long nextBlock;
  private boolean loaded;

  /**
   * What one head did to the index.
   *
   * @param found accounts seen for the first time
   * @param dropped accounts removed by a reorg (their events left the chain)
   * @param reorgAncestor the common ancestor block when a reorg was detected
   * @param touched accounts whose state the events read at this head changed ({@link ProtocolAdapter#touchedBy})
   * @param lostToOthers accounts the events read at this head show liquidated by someone else
   */
  record Update(
      Set<Address> found, List<Address> dropped, OptionalLong reorgAncestor, Set<Address> touched,
      Set<Address> lostToOthers) {}

  /** Told the progress of reading event history: blocks {@code from..to}, done through {@code doneThrough}. */
  @FunctionalInterface
  interface Progress {
    void update(long from, long to, long doneThrough);
  }

  private final Address keeper;

  /**
   * @param keeper the keeper's sending address (a liquidation by anyone else is a loss to a competitor)
   */
  AccountIndex(
      ChainClient chain, Journal journal, ProtocolAdapter adapter, Address keeper, long chainId, long startBlock,
      long maxLogRange, long reorgDepth) {
    this.keeper = keeper;
    this.chain = chain;
    this.journal = journal;
    this.adapter = adapter;
    this.chainId = chainId;
    this.startBlock = startBlock;
    this.reorgDepth = reorgDepth;
    this.indexer = new LogIndexer(chain, adapter.eventSources(), maxLogRange);
    this.nextBlock = startBlock;
  }

  /** Every account indexed so far. */
  Set<Address> accounts() {
    return Collections.unmodifiableSet(known);
  }

  /** The next block whose events are still to be read. */
  long nextBlock() {
    return nextBlock;
  }

  /**
   * Brings the index to {@code head}: detects and undoes a reorg, reads the new events, persists the result.
   *
   * @throws RpcException when the endpoint fails (nothing is recorded; the next head retries)
   */
  Update advance(EthBlock.Block head, Progress progress) {
    load();
    long number = head.getNumber().longValueExact();
    OptionalLong ancestor = commonAncestor(head);
    List<Address> dropped = List.of();
    if (ancestor.isPresent()) dropped = rollBack(ancestor.getAsLong(), number);
    Map<Address, BlockRef> firstSeen = new LinkedHashMap<>();
    Set<Address> touched = new LinkedHashSet<>();
    Set<Address> lost = new LinkedHashSet<>();
    if (nextBlock <= number) {
      long from = nextBlock;
      // window by window: a long history is never held in memory at once
      indexer.fetchEach(
          from,
          number,
          logs -> {
            for (var e : firstSeen(logs, head).entrySet()) firstSeen.putIfAbsent(e.getKey(), e.getValue());
            touched.addAll(adapter.touchedBy(logs));
            lost.addAll(adapter.liquidatedByOthers(logs, keeper));
          },
          done -> progress.update(from, number, done));
    }
    journal.recordIndexed(chainId, adapter.marketKey(), new BlockRef(number, head.getHash()), firstSeen, number - reorgDepth + 1);
    known.addAll(firstSeen.keySet());
    nextBlock = Math.max(nextBlock, number + 1);
    checkpoints.removeIf(c -> c.block() >= number);
    checkpoints.addFirst(new BlockRef(number, head.getHash()));
    while (!checkpoints.isEmpty() && checkpoints.peekLast().block() <= number - reorgDepth) checkpoints.removeLast();
    return new Update(firstSeen.keySet(), dropped, ancestor, touched, lost);
  }

  private void load() {
    if (loaded) return;
    loaded = true;
    String market = adapter.marketKey();
    OptionalLong saved = journal.indexedUpTo(chainId, market);
    if (saved.isPresent() && saved.getAsLong() > nextBlock) nextBlock = saved.getAsLong();
    known.addAll(journal.indexedAccounts(chainId, market));
    checkpoints.addAll(journal.indexCheckpoints(chainId, market));
    if (saved.isPresent()) LOG.info("index of {} resumed at block {} with {} accounts", market, nextBlock, known.size());
  }

  /** Empty when the newest checkpoint is still on the chain; else the newest one that is (or start - 1). */
  private OptionalLong commonAncestor(EthBlock.Block head) {
    if (checkpoints.isEmpty() || onChain(checkpoints.peekFirst(), head)) return OptionalLong.empty();
    for (BlockRef c : checkpoints) {
      if (onChain(c, head)) return OptionalLong.of(c.block());
    }
    return OptionalLong.of(startBlock - 1);
  }

  private boolean onChain(BlockRef c, EthBlock.Block head) {
    long number = head.getNumber().longValueExact();
    if (c.block() > number) return false;
    if (c.block() == number) return c.hash().equalsIgnoreCase(head.getHash());
    if (c.block() == number - 1) return c.hash().equalsIgnoreCase(head.getParentHash());
    return chain.blockHash(c.block()).map(c.hash()::equalsIgnoreCase).orElse(false);
  }

  private List<Address> rollBack(long ancestor, long head) {
    String market = adapter.marketKey();
    List<Address> dropped = journal.rollBackIndex(chainId, market, ancestor);
    dropped.forEach(known::remove);
    adapter.forget(dropped);
    checkpoints.removeIf(c -> c.block() > ancestor);
    nextBlock = Math.min(nextBlock, ancestor + 1);
    LOG.warn(
        "reorg: blocks after {} left the chain (head {}); index of {} rolled back to it, {} account(s) dropped, events"
            + " read again", ancestor, head, market, dropped.size());
    return dropped;
  }

  /** Accounts not known yet, each with the first block (in chain order) whose events reveal it. */
  private Map<Address, BlockRef> firstSeen(List<Log> logs, EthBlock.Block head) {
    long number = head.getNumber().longValueExact();
    TreeMap<Long, List<Log>> byBlock = new TreeMap<>();
    for (Log log : logs) {
      long b = log.getBlockNumber().longValueExact();
      if (b == number && !log.getBlockHash().equalsIgnoreCase(head.getHash())) {
        throw new RpcException("logs of block " + number + " come from another fork than its header; retrying");
      }
      byBlock.computeIfAbsent(b, k -> new ArrayList<>()).add(log);
    }
    Map<Address, BlockRef> out = new LinkedHashMap<>();
    for (var e : byBlock.entrySet()) {
      BlockRef at = new BlockRef(e.getKey(), e.getValue().getFirst().getBlockHash());
      for (Address a : adapter.accountsIn(e.getValue())) {
        if (!known.contains(a)) out.putIfAbsent(a, at);
      }
    }
    return out;
  }
}
