package io.collateralkeeper.devnet.relay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.CallBundleParams;
import io.collateralkeeper.execution.bundle.CallBundleResult;
import io.collateralkeeper.execution.bundle.DecodedTx;
import io.collateralkeeper.execution.bundle.SendBundleParams;
import io.collateralkeeper.execution.bundle.SendBundleResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * A bundle relay for a local Anvil chain, which has no bundle endpoints of its own: an HTTP JSON-RPC server on
 * 127.0.0.1 (a free port) that speaks Flashbots' {@code eth_sendBundle} and {@code eth_callBundle}, checks
 * {@code X-Flashbots-Signature} like the real relay, and includes each bundle atomically in the block it targets or
 * not at all. Development chains only.
 *
 * <h2>Design: the relay is the block builder for blocks with bundles</h2>
 *
 * <ol>
 *   <li>{@code eth_sendBundle} validates the bundle (decodable signed transactions, hex block number) and answers its
 *       hash (keccak256 of the transaction hashes). A bundle for a block that has passed is dropped; one with the
 *       replacement id of a waiting bundle replaces it.
 *   <li>Building block N ({@link #buildBlock()}, or at once on arrival in {@link Mode#BUILD_ON_ARRIVAL} when N is the
 *       next block): each bundle for N is first simulated alone on the latest state ({@code eth_simulateV1}, plus a
 *       nonce check Anvil's simulation lacks); one that reverts never touches the chain. Then, with automine off and
 *       an {@code evm_snapshot} taken, the bundles' transactions are sent and one block is mined with
 *       {@code evm_mine}. The block stands when every bundle has all its transactions in it, in bundle order, none
 *       reverted unless listed in {@code revertingTxHashes}. Otherwise the block is reverted ({@code evm_revert}),
 *       the failed bundle's transactions are dropped from the mempool, the public transactions the block had swept
 *       along are put back (raw, or for impersonated senders by their fields), and the block is built again without
 *       the failed bundle. Automine is restored afterwards. Anvil admits a transaction to its mempool only if the
 *       sender can pay on the latest state; a bundle transaction paid for by an earlier one in the same bundle is
 *       admitted by lending its sender the shortfall ({@code anvil_setBalance}) for the admission only: the real
 *       balance is restored before mining, so it runs only if the bundle really funds it.
 *   <li>{@code eth_callBundle} runs the same simulation on the requested state block and answers per-transaction
 *       results in Flashbots' shape; nothing is committed.
 * </ol>
 *
 * <p>Limits: Anvil orders a block by tip (first come first served among equal tips), so public transactions with a
 * higher tip may run before or between a bundle's transactions; the relay guarantees all-or-nothing and the bundle's
 * own order, not contiguity, and rejects a bundle whose transactions from different senders Anvil reorders.
 * {@code minTimestamp}/{@code maxTimestamp} are ignored. A reverted attempt is visible as a block for a moment (a
 * one-block reorg); the pre-simulation makes that rare. Bundles for a later block wait for {@link #buildBlock()} at
 * that height.
 */
public final class DevnetBundleRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevnetBundleRelay.class);
  private static final Pattern HEX_QUANTITY = Pattern.compile("0x[0-9a-fA-F]{1,16}");

  /** When bundles for the next block are built into it. */
  public enum Mode {
    /** At once, when a bundle for the next block arrives (suits automine chains and dry runs). */
    BUILD_ON_ARRIVAL,
    /** Only when {@link #buildBlock()} is called (the caller decides when blocks are made). */
    BUILD_ON_CALL
  }

  private final ChainClient chain;
  private final Mode mode;
  private final BundlePool pool = new BundlePool();
  private final BundleSimulator simulator;
  private final BlockBuilder builder;
  private final HttpServer server;
  private final ExecutorService executor;
  private long dropped;

  private DevnetBundleRelay(ChainClient chain, Mode mode) throws IOException {
    this.chain = chain;
    this.mode = mode;
    this.simulator = new BundleSimulator(chain);
    this.builder = new BlockBuilder(chain, simulator);
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("devnet-relay-", 0).factory());
    server.setExecutor(executor);
    server.createContext("/", new RelayHttpHandler(json, (method, params, signer) -> dispatch(json, method, params, signer)));
  }

  /**
   * Starts the relay in front of a local Anvil chain.
   *
   * @param chain the Anvil JSON-RPC endpoint (127.0.0.1)
   * @param mode when bundles are built into blocks
   * @throws KeeperException when no local port can be bound
   */
  public static DevnetBundleRelay start(ChainClient chain, Mode mode) {
    try {
      DevnetBundleRelay relay = new DevnetBundleRelay(chain, mode);
      relay.server.start();
      LOG.debug("devnet bundle relay on {} ({})", relay.url(), mode);
      return relay;
    } catch (IOException e) {
      throw new KeeperException("cannot start the devnet bundle relay: " + e.getMessage(), e);
    }
  }

  /** The relay's URL, http://127.0.0.1:PORT. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Builds the next block: the waiting bundles for it, each atomically, plus the public mempool. Bundles for blocks
   * that passed are dropped first. A block is always mined.
   */
  public synchronized BlockBuildReport buildBlock() {
    long head = chain.blockNumber();
    dropped += pool.dropThrough(head);
    return builder.build(pool.take(head + 1), true);
  }

  /** Bundles waiting for their block. */
  public synchronized int pendingBundles() {
    return pool.size();
  }

  /** Bundles dropped because their block passed without them. */
  public synchronized long droppedBundles() {
    return dropped;
  }

  private Object dispatch(ObjectMapper json, String method, JsonNode params, Address signer) {
    JsonNode first = params.path(0);
    if (!first.isObject()) throw RelayError.http(400, "missing params");
    return switch (method) {
      case "eth_sendBundle" -> sendBundle(json.convertValue(first, SendBundleParams.class), signer);
      case "eth_callBundle" -> callBundle(json.convertValue(first, CallBundleParams.class));
      default -> throw RelayError.rpc(-32601, "the method " + method + " does not exist/is not available");
    };
  }

  private synchronized SendBundleResult sendBundle(SendBundleParams p, Address signer) {
    List<DecodedTx> txs = decode(p.txs());
    long target = blockParam(p.blockNumber());
    Set<String> reverting = new HashSet<>();
    if (p.revertingTxHashes() != null) for (String h : p.revertingTxHashes()) reverting.add(h.toLowerCase(Locale.ROOT));
    PendingBundle bundle = PendingBundle.of(txs, target, reverting, Optional.ofNullable(p.replacementUuid()));
    long head = chain.blockNumber();
    dropped += pool.dropThrough(head);
    if (target <= head) {
      dropped++;
      LOG.info("devnet relay: bundle {} from {} dropped: block {} has passed", bundle.bundleHash(), signer, target);
      return new SendBundleResult(bundle.bundleHash());
    }
    pool.add(bundle);
    LOG.debug("devnet relay: bundle {} from {} for block {}", bundle.bundleHash(), signer, target);
    if (mode == Mode.BUILD_ON_ARRIVAL && target == head + 1) builder.build(pool.take(target), false);
    return new SendBundleResult(bundle.bundleHash());
  }

  private synchronized CallBundleResult callBundle(CallBundleParams p) {
    List<DecodedTx> txs = decode(p.txs());
    blockParam(p.blockNumber());
    String state = p.stateBlockNumber() == null ? "latest" : p.stateBlockNumber();
    if (!state.equals("latest") && !HEX_QUANTITY.matcher(state).matches()) {
      throw RelayError.http(400, "stateBlockNumber must be a hex int or \"latest\"");
    }
    return simulator.simulate(txs, state);
  }

  private static List<DecodedTx> decode(List<String> txs) {
    if (txs == null || txs.isEmpty()) throw RelayError.http(400, "unable to decode txs");
    try {
      return DecodedTx.decodeAll(txs);
    } catch (IllegalArgumentException e) {
      throw RelayError.http(400, "unable to decode txs");
    }
  }

  private static long blockParam(String block) {
    if (block == null) throw RelayError.http(400, "missing block param");
    if (!HEX_QUANTITY.matcher(block).matches()) throw RelayError.http(400, "block param must be a hex int");
    return Numeric.decodeQuantity(block).longValueExact();
  }

  /** Stops the HTTP server (the Anvil chain is the caller's to close). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
