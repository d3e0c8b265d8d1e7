package io.collateralkeeper.devnet.relay;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.execution.bundle.CallBundleResult;
import io.collateralkeeper.execution.bundle.CallBundleTxResult;
import io.collateralkeeper.execution.bundle.DecodedTx;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Mines Anvil's next block with bundles in it, each atomically: all of a bundle's transactions, in its order, none
 * reverting (unless allowed), or none of them. See {@link DevnetBundleRelay} for the design. Not thread-safe: the
 * relay serializes builds.
 */
final class BlockBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(BlockBuilder.class);

  private final ChainClient chain;
  private final BundleSimulator simulator;

  BlockBuilder(ChainClient chain, BundleSimulator simulator) {
    this.chain = chain;
    this.simulator = simulator;
  }

  /**
   * Builds the next block.
   *
   * @param candidates the bundles for it, in arrival order
   * @param alwaysMine mine a block even when no bundle can be included (with the public mempool only)
   */
  BlockBuildReport build(List<PendingBundle> candidates, boolean alwaysMine) {
    Map<String, String> rejected = new LinkedHashMap<>();
    List<PendingBundle> remaining = new ArrayList<>();
    for (PendingBundle b : candidates) {
      Optional<String> why = preSimulate(b);
      if (why.isPresent()) rejected.put(b.bundleHash(), why.get());
      else remaining.add(b);
    }
    boolean automine = Boolean.TRUE.equals(chain.rpc("anvil_getAutomine"));
    chain.rpc("evm_setAutomine", false);
    try {
      while (!remaining.isEmpty()) {
        Attempt attempt = attempt(remaining);
        rejected.putAll(attempt.failed());
        if (attempt.block().isPresent()) {
          List<String> included = attempt.included().stream().map(PendingBundle::bundleHash).toList();
          LOG.info("devnet relay: block {} built with {} bundle(s)", attempt.block().getAsLong(), included.size());
          return report(attempt.block(), included, rejected);
        }
        remaining = remaining.stream().filter(b -> !attempt.failed().containsKey(b.bundleHash())).toList();
      }
      if (alwaysMine) {
        chain.rpc("evm_mine");
        return report(OptionalLong.of(chain.blockNumber()), List.of(), rejected);
      }
      return report(OptionalLong.empty(), List.of(), rejected);
    } finally {
      chain.rpc("evm_setAutomine", automine); // switching automine back on mines what the mempool holds
    }
  }

  private static BlockBuildReport report(OptionalLong block, List<String> included, Map<String, String> rejected) {
    rejected.forEach((hash, why) -> LOG.info("devnet relay: bundle {} not included: {}", hash, why));
    return new BlockBuildReport(block, included, Map.copyOf(rejected));
  }

  /** Simulates the bundle alone on the latest state, so that a bundle that reverts anyway never touches the chain. */
  private Optional<String> preSimulate(PendingBundle b) {
    try {
      CallBundleResult sim = simulator.simulate(b.txs(), "latest");
      for (CallBundleTxResult r : sim.results()) {
        if (!r.succeeded() && !b.mayRevert(r.txHash())) return Optional.of("tx " + r.txHash() + " reverts in simulation");
      }
      return Optional.empty();
    } catch (RelayError e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The outcome of one mining attempt.
   *
   * @param block the block, when it stands (every bundle sent into it was included intact)
   * @param included the bundles in that block
   * @param failed the bundles that failed, with why; when one failed inside the block, the block was reverted
   */
  private record Attempt(OptionalLong block, List<PendingBundle> included, Map<String, String> failed) {}

  /**
   * Sends the bundles' transactions and mines one block; when a bundle failed in it, reverts the block, puts back the
   * public transactions it had swept along, and reports the failures (the caller retries without them).
   */
  private Attempt attempt(List<PendingBundle> bundles) {
    String snapshot = (String) chain.rpc("evm_snapshot");
    Map<String, String> failed = new LinkedHashMap<>();
    List<PendingBundle> sent = new ArrayList<>();
    for (PendingBundle b : bundles) {
      Optional<String> why = send(b);
      if (why.isPresent()) failed.put(b.bundleHash(), why.get());
      else sent.add(b);
    }
    if (sent.isEmpty()) {
      chain.rpc("evm_revert", snapshot);
      return new Attempt(OptionalLong.empty(), List.of(), failed);
    }
    chain.rpc("evm_mine");
    EthBlock.Block block = chain.latestBlock();
    List<String> order = block.getTransactions().stream().map(t -> ((String) t.get()).toLowerCase(Locale.ROOT)).toList();
    Map<String, String> broken = new LinkedHashMap<>();
    for (PendingBundle b : sent) check(b, order).ifPresent(why -> broken.put(b.bundleHash(), why));
    failed.putAll(broken);
    if (broken.isEmpty()) return new Attempt(OptionalLong.of(block.getNumber().longValueExact()), sent, failed);
    undo(snapshot, order, sent);
    return new Attempt(OptionalLong.empty(), List.of(), failed);
  }

  /**
   * Puts the bundle's transactions in the mempool, in order; on a refusal, takes back the ones already in.
   *
   * <p>Anvil admits a transaction only if its sender can pay for it on the latest state, but a bundle transaction
   * may be paid for by an earlier one of the same bundle. Such a sender is lent the missing balance for the admission
   * check only ({@code anvil_setBalance}) and given back its real balance before the block is mined: the
   * transaction then executes only if the bundle really funds it (and fails the bundle otherwise).
   */
  private Optional<String> send(PendingBundle b) {
    List<String> inPool = new ArrayList<>();
    Map<String, BigInteger> lent = new LinkedHashMap<>();
    try {
      for (DecodedTx tx : b.txs()) {
        Optional<String> refused = admit(tx, lent);
        if (refused.isPresent()) {
          inPool.forEach(this::drop);
          return Optional.of("tx " + tx.hash() + " refused: " + refused.get());
        }
        inPool.add(tx.hash());
      }
      return Optional.empty();
    } finally {
      lent.forEach((who, balance) -> chain.rpc("anvil_setBalance", who, Numeric.encodeQuantity(balance)));
    }
  }

  /** Sends one transaction, lending its sender the funds for the admission check if it lacks them (once). */
  private Optional<String> admit(DecodedTx tx, Map<String, BigInteger> lent) {
    try {
      chain.sendRaw(tx.raw());
      return Optional.empty();
    } catch (RpcException e) {
      if (!e.getMessage().toLowerCase(Locale.ROOT).contains("insufficient funds") || lent.containsKey(tx.from().hex())) {
        return Optional.of(e.getMessage());
      }
    }
    BigInteger balance = chain.balance(tx.from());
    lent.put(tx.from().hex(), balance);
    BigInteger need = tx.gasLimit().multiply(tx.maxFeePerGas()).add(tx.value());
    chain.rpc("anvil_setBalance", tx.from().hex(), Numeric.encodeQuantity(balance.add(need)));
    try {
      chain.sendRaw(tx.raw());
      return Optional.empty();
    } catch (RpcException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** All of the bundle's transactions in the block, in bundle order, none reverting unless allowed. */
  private Optional<String> check(PendingBundle b, List<String> order) {
    int last = -1;
    for (DecodedTx tx : b.txs()) {
      int at = order.indexOf(tx.hash());
      if (at < 0) return Optional.of("tx " + tx.hash() + " did not fit in the block");
      if (at < last) return Optional.of("Anvil ordered tx " + tx.hash() + " before an earlier bundle transaction (higher tip)");
      last = at;
      TransactionReceipt r = chain.receipt(tx.hash()).orElseThrow(() -> new RpcException("no receipt for " + tx.hash()));
      if (!r.isStatusOK() && !b.mayRevert(tx.hash())) return Optional.of("tx " + tx.hash() + " reverted");
    }
    return Optional.empty();
  }

  /**
   * Reverts the failed block and restores the mempool as it was: bundle transactions out, the public transactions the
   * block had swept along back in (by raw bytes; an impersonated one, whose signature is fake, by its fields).
   */
  private void undo(String snapshot, List<String> blockTxs, List<PendingBundle> bundles) {
    Set<String> bundleTxs = new HashSet<>();
    for (PendingBundle b : bundles) for (DecodedTx tx : b.txs()) bundleTxs.add(tx.hash());
    List<PublicTx> swept = new ArrayList<>();
    for (String hash : blockTxs) {
      if (bundleTxs.contains(hash)) continue;
      swept.add(new PublicTx(hash, (String) chain.rpc("eth_getRawTransactionByHash", hash), (Map<?, ?>) chain.rpc("eth_getTransactionByHash", hash)));
    }
    chain.rpc("evm_revert", snapshot);
    bundleTxs.forEach(this::drop);
    for (PublicTx tx : swept) tx.resubmit(chain);
  }

  private void drop(String txHash) {
    try {
      chain.rpc("anvil_dropTransaction", txHash);
    } catch (RpcException notInPool) {
      // already gone
    }
  }
}
