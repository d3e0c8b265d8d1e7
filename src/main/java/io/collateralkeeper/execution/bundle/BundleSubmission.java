package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * One bundle on its way: sent for a target block, checked and resent at each new head (see {@link BundleRoute}).
 * Not thread-safe: one caller (the per-block loop) drives it.
 */
public final class BundleSubmission {
  private static final Logger LOG = LoggerFactory.getLogger(BundleSubmission.class);

  private final ChainClient chain;
  private final BundleSender sender;
  private final List<DecodedTx> txs;
  private final String replacementUuid;
  private final StopCondition stop;
  private final String bundleHash;
  private BundleStatus status;
  private int sends;

  BundleSubmission(
      ChainClient chain,
      BundleSender sender,
      List<DecodedTx> txs,
      String replacementUuid,
      StopCondition stop) {
    this.chain = chain;
    this.sender = sender;
    this.txs = txs;
    this.replacementUuid = replacementUuid;
    this.stop = stop;
    this.bundleHash = DecodedTx.bundleHash(txs);
  }

  /** The bundle hash (keccak256 of the transaction hashes). */
  public String bundleHash() {
    return bundleHash;
  }

  /** The transaction hashes, in bundle order. */
  public List<String> txHashes() {
    return txs.stream().map(DecodedTx::hash).toList();
  }

  /** The current status. */
  public BundleStatus status() {
    return status;
  }

  /** How many times the bundle was sent (one per target block). */
  public int sends() {
    return sends;
  }

  /**
   * Checks the bundle against the new head: included, given up, still waiting for its target block, or resent for
   * {@code head + 1} when its target passed without it.
   *
   * @param head the new head block
   * @return the new status
   * @throws RpcException when the node cannot be read
   */
  public BundleStatus onNewBlock(long head) {
    if (status.done()) return status;
    Optional<BundleStatus> onChain = inclusion();
    if (onChain.isPresent()) return status = onChain.get();
    if (status instanceof BundleStatus.Pending p && head < p.targetBlock()) return status;
    Optional<String> why = nonceTaken().or(() -> stop.stopReason(head));
    if (why.isPresent()) {
      LOG.info("bundle {} abandoned: {}", bundleHash, why.get());
      return status = new BundleStatus.Abandoned(why.get());
    }
    return sendFor(head);
  }

  /** Simulates where offered, then sends to every relay for {@code head + 1}. */
  BundleStatus sendFor(long head) {
    List<String> raws = txs.stream().map(DecodedTx::raw).toList();
    switch (sender.send(raws, head, replacementUuid)) {
      case BundleAttempt.SimulationFailed f -> {
        LOG.info("bundle {} abandoned: {}", bundleHash, f.reason());
        return status = new BundleStatus.Abandoned(f.reason());
      }
      case BundleAttempt.Refused r -> {
        sends++;
        return status = new BundleStatus.Abandoned(r.reason());
      }
      case BundleAttempt.Sent s -> {
        sends++;
        LOG.info("bundle {} sent for block {} ({} transactions, send {})", bundleHash, s.targetBlock(), txs.size(), sends);
        return status = new BundleStatus.Pending(s.targetBlock(), s.replies());
      }
    }
  }

  /** Included when every transaction has a receipt; a partial inclusion (a leaked transaction) is abandoned. */
  private Optional<BundleStatus> inclusion() {
    List<TransactionReceipt> receipts = new ArrayList<>();
    for (DecodedTx tx : txs) chain.receipt(tx.hash()).ifPresent(receipts::add);
    if (receipts.isEmpty()) return Optional.empty();
    if (receipts.size() < txs.size()) {
      return Optional.of(new BundleStatus.Abandoned(receipts.size() + " of " + txs.size() + " transactions included outside the bundle"));
    }
    long block = receipts.get(0).getBlockNumber().longValueExact();
    boolean reverted = receipts.stream().anyMatch(r -> !r.isStatusOK());
    LOG.info("bundle {} included in block {}", bundleHash, block);
    return Optional.of(new BundleStatus.Included(block, reverted));
  }

  /** Outbid: a bundle transaction's nonce was used by another transaction. */
  private Optional<String> nonceTaken() {
    for (DecodedTx tx : txs) {
      BigInteger used = chain.latestNonce(tx.from());
      if (used.compareTo(tx.nonce()) > 0) {
        return Optional.of("outbid: nonce " + tx.nonce() + " of " + tx.from() + " was used by another transaction");
      }
    }
    return Optional.empty();
  }
}
