package io.collateralkeeper.simulate;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.devnet.AnvilNode;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilRuntime;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.OutcomeRecord;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.wallet.ImpersonatedSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A dry run of the keeper on a local Anvil fork of an upstream chain: fork it (Anvil only reads the upstream; nothing
 * is ever sent to it), check the chain id, impersonate and fund the keeper address, install the price shocks, then
 * run the real daemon ({@link KeeperAssembly}) for K blocks, mining one block after each step so that every
 * transaction it decides on really executes on the fork, then up to {@value #DRAIN_BLOCKS} more blocks for the last
 * ones to land. Reports every opportunity and checks the keeper's balance changes against the receipts.
 */
public final class ForkSimulation {
  /** Extra blocks mined after the run while transactions are still pending. */
  public static final int DRAIN_BLOCKS = 3;

  private final AnvilRuntime runtime;
  private final Consumer<String> progress;

  /**
   * @param runtime starts the fork
   * @param progress receives one line per step (for stderr)
   */
  public ForkSimulation(AnvilRuntime runtime, Consumer<String> progress) {
    this.runtime = runtime;
    this.progress = progress;
  }

  /**
   * Runs the dry run.
   *
   * @throws KeeperException when the upstream is unreachable or serves another chain, a shock names an unknown asset,
   *     or the fork cannot start
   */
  public SimulationReport run(SimulationOptions o) {
    long chainId = upstreamChainId(o);
    Path tempDir = o.journal() == null ? tempDir() : null;
    Path journalFile = o.journal() != null ? o.journal() : tempDir.resolve("journal.db");
    AnvilOptions anvil =
        AnvilOptions.devnet().withChainId(chainId).withFork(o.forkUrl(), o.forkBlock()).withNoMining(true)
            .withStartTimeout(Duration.ofSeconds(120))
            // Anvil 1.7.1 orders its pool by fee and can try a sender's later nonce first when it tips more, then drops
            // it and its successors as invalid; first-in-first-out keeps the keeper's transactions in nonce order.
            .withExtraArgs(List.of("--order", "fifo"));
    try (AnvilNode node = runtime.start(anvil);
        ChainClient fork = ChainClient.http(node.rpcUrl(), Duration.ofSeconds(60));
        Journal journal = Journal.open(journalFile)) {
      KeeperAssembly.verifyChainId(fork, o.strategy());
      return simulate(o, chainId, fork, journal);
    } finally {
      if (tempDir != null) deleteTree(tempDir);
    }
  }

  private SimulationReport simulate(SimulationOptions o, long chainId, ChainClient fork, Journal journal) {
    DevnetControl dev = new DevnetControl(fork);
    long forkBlock = fork.blockNumber();
    progress.accept("forked " + redacted(o.forkUrl()) + " (chain " + chainId + ") at block " + forkBlock);
    Address keeper = o.keeper();
    dev.impersonate(keeper);
    if (fork.balance(keeper).compareTo(o.fundWei()) < 0) dev.setBalances(List.of(keeper), o.fundWei());

    ForkMarket market = ForkMarket.of(fork, o.strategy().protocol());
    List<AppliedShock> shocks = installShocks(o.shocks(), market, fork, forkBlock);
    long start = fork.block(forkBlock).getTimestamp().longValueExact();
    fork.rpc("evm_setNextBlockTimestamp", start + o.blockTimeSeconds());
    fork.rpc("anvil_setBlockTimestampInterval", o.blockTimeSeconds());
    dev.mine(); // the shocks and the funding are in the first block the keeper sees

    long first = fork.blockNumber();
    List<PricedToken> tokens = market.tokens(first);
    KeeperHoldings before = KeeperHoldings.read(fork, keeper, tokens, first);
    long firstNonce = fork.latestNonce(keeper).longValueExact();

    OpportunityLedger ledger = new OpportunityLedger();
    KeeperDaemon daemon =
        KeeperAssembly.assemble(fork, forkStrategy(o.strategy(), fork), ImpersonatedSigner.of(keeper), journal, ledger::record);
    progress.accept("keeper " + keeper + " runs for " + o.blocks() + " blocks from block " + first);
    for (int i = 0; i < o.blocks(); i++) {
      daemon.processHead(fork.blockNumber());
      dev.mine();
    }
    daemon.processHead(fork.blockNumber()); // settles the last block's receipts
    for (int i = 0; i < DRAIN_BLOCKS && daemon.attempts().stream().anyMatch(a -> !a.included()); i++) {
      dev.mine();
      daemon.processHead(fork.blockNumber());
    }

    long last = fork.blockNumber();
    KeeperHoldings after = KeeperHoldings.read(fork, keeper, tokens, last);
    long lastNonce = fork.latestNonce(keeper).longValueExact();
    List<Opportunity> opportunities =
        ledger.opportunities(daemon.attempts(), hash -> intentOf(journal, hash), journal::outcome);
    BigInteger revenue =
        opportunities.stream().filter(x -> x.status() == Opportunity.Status.WON).map(Opportunity::revenueUsdWad)
            .reduce(BigInteger.ZERO, BigInteger::add);
    BalanceCheck balances =
        new BalanceCheck(before.nativeWei().subtract(after.nativeWei()), journaledGas(journal, chainId, keeper, firstNonce, lastNonce),
            before.changesTo(after), revenue);
    return new SimulationReport(redacted(o.forkUrl()), chainId, forkBlock, last, o.blocks(), keeper, shocks, opportunities, balances);
  }

  private List<AppliedShock> installShocks(List<Shock> shocks, ForkMarket market, ChainClient fork, long block) {
    if (shocks.isEmpty()) return List.of();
    AssetFeeds feeds = market.feeds(block);
    Map<Address, Shock> byFeed = new LinkedHashMap<>();
    for (Shock s : shocks) {
      for (Address feed : feeds.feedsOf(s)) {
        Shock other = byFeed.putIfAbsent(feed, s);
        if (other != null && !other.equals(s)) {
          throw new KeeperException("--shock " + other + " and --shock " + s + " both reach feed " + feed + ": give one");
        }
      }
    }
    FeedOverride override = new FeedOverride(fork);
    List<AppliedShock> applied = new ArrayList<>();
    byFeed.forEach((feed, shock) -> {
      AppliedShock a = override.install(shock, feed, feeds.namesOf(feed), block);
      progress.accept("shock " + shock + ": feed " + feed + " " + String.join(",", a.names()) + " " + a.before() + " -> " + a.after());
      applied.add(a);
    });
    return applied;
  }

  private static Optional<IntentRecord> intentOf(Journal journal, String hash) {
    return journal.tx(hash).flatMap(t -> t.intentId().isPresent() ? journal.intent(t.intentId().getAsLong()) : Optional.empty());
  }

  /** Gas paid by every keeper transaction the journal settled at nonces [from, to), wei. */
  private static BigInteger journaledGas(Journal journal, long chainId, Address keeper, long from, long to) {
    BigInteger total = BigInteger.ZERO;
    for (long n = from; n < to; n++) {
      for (TxRecord t : journal.txsAt(chainId, keeper, n)) {
        total = total.add(journal.outcome(t.hash()).map(OutcomeRecord::gasCostWei).orElse(BigInteger.ZERO));
      }
    }
    return total;
  }

  /** The strategy pointed at the fork, on the public route (the daemon sends no bundles yet). */
  private static StrategyConfig forkStrategy(StrategyConfig s, ChainClient fork) {
    StrategyConfig.Chain c = s.chain();
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(fork.endpoint()), c.chainId(), c.pollIntervalMs(), c.rpcTimeoutMs()),
        s.protocol(), null, s.liquidation(), s.gas(), null, null);
  }

  private static long upstreamChainId(SimulationOptions o) {
    long timeoutMs = o.strategy().chain().rpcTimeoutMs() == null ? 10_000 : o.strategy().chain().rpcTimeoutMs();
    try (ChainClient upstream = ChainClient.http(o.forkUrl(), Duration.ofMillis(timeoutMs))) {
      long id = upstream.chainId(); // a read: the only request sent to the upstream by the keeper itself
      long expected = o.strategy().chain().chainId();
      if (id != expected) {
        throw new KeeperException(
            "wrong chain: " + upstream.endpoint() + " reports chain id " + id + " but the strategy expects " + expected);
      }
      return id;
    } catch (RpcException e) {
      throw new KeeperException("cannot read the fork URL: " + e.getMessage(), e);
    }
  }

  private static String redacted(String url) {
    return url.replaceAll("//[^/@]*@", "//***@");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("keeper-simulate-");
    } catch (IOException e) {
      throw new KeeperException("cannot create a temporary journal: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp directory: the OS cleans it
    }
  }
}
