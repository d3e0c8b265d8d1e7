package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import java.util.List;
import java.util.UUID;

/**
 * The bundle route: the same signed transactions go as a bundle to every configured relay for the next block, and
 * are resent for each following block (through the returned {@link BundleSubmission}) until a receipt shows them
 * included, their nonce is used by another transaction (outbid), or a {@link StopCondition} says stop. Relays that
 * offer {@code eth_callBundle} simulate the bundle before each send; a reverting simulation abandons it.
 */
public final class BundleRoute {
  private final ChainClient chain;
  private final BundleSender sender;

  /**
   * @param chain the node used for receipts and nonces
   * @param relays the relays to send to, at least one
   */
  public BundleRoute(ChainClient chain, List<BundleClient> relays) {
    this.chain = chain;
    this.sender = new BundleSender(relays);
  }

  /**
   * Sends {@code signedTxs} as one bundle for block {@code head + 1}.
   *
   * @param signedTxs signed raw transactions, 0x-hex, in execution order
   * @param head the current head block
   * @param stop asked before each resend
   * @return the submission; call {@link BundleSubmission#onNewBlock} at each new head
   * @throws KeeperException when a transaction cannot be decoded
   */
  public BundleSubmission submit(List<String> signedTxs, long head, StopCondition stop) {
    if (signedTxs.isEmpty()) throw new KeeperException("a bundle needs at least one transaction");
    List<DecodedTx> txs;
    try {
      txs = DecodedTx.decodeAll(signedTxs);
    } catch (IllegalArgumentException e) {
      throw new KeeperException("bundle: " + e.getMessage(), e);
    }
    BundleSubmission submission = new BundleSubmission(chain, sender, txs, UUID.randomUUID().toString(), stop);
    submission.sendFor(head);
    return submission;
  }

  /**
   * Sends {@code signedTxs} once, as one bundle for block {@code head + 1}: the caller (e.g. the transaction pipeline,
   * which rebuilds its bundle at every head) decides about the next block.
   *
   * @param signedTxs signed raw transactions, 0x-hex, in execution order
   * @param head the current head block
   * @param replacementUuid the bundle's replacement id ({@code replacementUuid} of {@code eth_sendBundle})
   * @return sent, refused by every relay, or failed in simulation (naming the reverting transaction where known)
   */
  public BundleAttempt sendOnce(List<String> signedTxs, long head, String replacementUuid) {
    if (signedTxs.isEmpty()) throw new IllegalArgumentException("a bundle needs at least one transaction");
    return sender.send(signedTxs, head, replacementUuid);
  }
}
