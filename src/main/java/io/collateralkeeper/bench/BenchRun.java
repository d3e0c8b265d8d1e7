package io.collateralkeeper.bench;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcObserver;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DemoScenario;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultReader;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code keeper bench}: starts Anvil, deploys the reference vault, writes a {@link BenchBook} into it in bulk ({@link
 * BenchSeeder}), and measures a real keeper (assembled from the devnet vault strategy, as {@code keeper demo} does)
 * whose {@code processHead} it calls directly after mining each block:
 *
 * <ol>
 *   <li>cold start: daemon creation to the first {@code processHead} returning, then heap and resident memory;
 *   <li>steady state: {@code --blocks} blocks with {@code --changed} accounts changed in each ({@link SteadyPhase}),
 *       JSON-RPC traffic per head, against a keeper that re-reads every account at every head ({@code
 *       liquidation.full-refresh-blocks: 1}) over up to three such blocks;
 *   <li>latency ({@link LatencyPhase}): {@code --rounds} times, from one chain snapshot with a fresh keeper on a copy
 *       of the journal (warmed by one head), a block moving BTC down 5% that makes {@code --liquidatable} accounts
 *       liquidatable, and the time from {@code processHead} to each {@code eth_sendRawTransaction} handed to the HTTP
 *       client.
 * </ol>
 */
public final class BenchRun {
  /** ETH/USD at the start, 8 decimals. */
  static final BigInteger ETH = BigInteger.valueOf(3_000_00000000L);
  /** BTC/USD at the start, 8 decimals. */
  static final BigInteger BTC = BigInteger.valueOf(60_000_00000000L);
  /** The latency rounds' price move: BTC down by this many bps. */
  static final int BTC_DROP_BPS = 500;
  /** Block gas limit of the bench chain: seeding packs 3 x 500 accounts into a block. */
  static final long BLOCK_GAS_LIMIT = 1_000_000_000L;
  /** 500 accounts are about 480 KB of calldata: 3 seed transactions stay within Anvil's default 2 MB request. */
  private static final int ACCOUNTS_PER_SEED_TX = 500;
  private static final int SEED_TXS_PER_BLOCK = 3;
  /** Steady-state blocks of the read-all baseline (at most; fewer when --blocks is smaller). */
  private static final int READ_ALL_BLOCKS = 3;
  /** Calls per aggregate3 of the bench's own checks. */
  private static final int CALLS_PER_AGGREGATE = 500;

  /**
   * Bench parameters.
   *
   * @param accounts accounts in the vault
   * @param liquidatable accounts turning liquidatable at the price move
   * @param blocks steady-state blocks
   * @param changed accounts changed per steady-state block
   * @param warmupRounds latency rounds run first and not counted: the JVM compiles the liquidation path (JIT) in them,
   *     as in a keeper that has liquidated before
   * @param rounds latency rounds
   * @param seed the book's random seed
   * @param projectDir where the Anvil binary is found
   * @param keystore the keeper's keystore
   * @param passwordFile its password file
   */
  public record Options(
      int accounts, int liquidatable, int blocks, int changed, int warmupRounds, int rounds, long seed, Path projectDir,
      Path keystore, Path passwordFile) {}

  private final Options options;
  private final Consumer<String> progress;
  private final RpcCounter counter = new RpcCounter();
  private final MemoryProbe memory = new MemoryProbe();

  public BenchRun(Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Runs the whole benchmark.
   *
   * @throws KeeperException when the devnet cannot be built or the keeper cannot be assembled
   */
  public BenchReport run() {
    long started = System.nanoTime();
    Path work = tempDir();
    RpcObserver previous = RpcObserver.installed();
    // Anvil refuses request bodies over 2 MB by default; a keeper reading every account in one JSON-RPC batch sends
    // far more at 100,000 accounts (geth's default limit is 5 MB), so the limit is lifted to measure it at all.
    AnvilOptions anvilOptions =
        AnvilOptions.devnet().withGasLimit(BLOCK_GAS_LIMIT);
    try (AnvilProcess anvil = AnvilProcess.start(AnvilBinary.locate(options.projectDir()), anvilOptions);
        ChainClient chain = ChainClient.http(anvil.rpcUrl(), Duration.ofMinutes(5))) {
      progress.accept("anvil running at " + anvil.rpcUrl());
      DevnetControl devnet = new DevnetControl(chain);
      Signer deployer = WalletLoader.devAccount(0, 31337);
      Address owner = Address.of(deployer.address());
      VaultDeployment d = VaultDeployer.deploy(chain, deployer.credentials(), ETH, BTC, 86_400);
      long deployMillis = millisSince(started);
      progress.accept("vault deployed at " + d.vault());

      long seedStart = System.nanoTime();
      long seedFrom = chain.blockNumber();
      BenchSeeder seeder = new BenchSeeder(devnet, d, owner);
      BenchBook book = book(chain, d);
      seed(seeder, book);
      verifySample(chain, d, book);
      long seedMillis = millisSince(seedStart);
      BenchReport.Setup setup =
          new BenchReport.Setup(
              options.accounts(), options.liquidatable(), "BTC -" + BTC_DROP_BPS / 100 + "%", options.seed(),
              deployMillis, seedMillis, chain.blockNumber() - seedFrom);

      devnet.setAutomine(false); // the keeper's transactions wait in the pool; blocks come from evm_mine only
      RpcObserver.install(counter);
      BenchContext ctx =
          new BenchContext(
              chain, devnet, d, owner, book.addresses(), book.liquidatable(), seeder,
              DemoScenario.strategy(anvil.rpcUrl(), d, null),
              WalletLoader.fromKeystore(options.keystore(), options.passwordFile()), counter, work);
      book = null; // only the addresses are needed from here: the book's states would weigh on the heap figures
      SteadyPhase steadyBlocks = new SteadyPhase(ctx, options.changed());

      BenchReport.ColdStart cold;
      List<BenchStats.Head> steadyHeads;
      memory.read(); // a collection first, so the peaks start from the live set
      boolean rssReset = memory.resetPeaks();
      Cold first = coldStart(ctx, anvil.rpcUrl(), rssReset);
      cold = first.figures();
      try (BenchKeeper k = first.keeper()) {
        steadyHeads = steadyBlocks.run(k, options.blocks());
      }
      BenchReport.ReadAll readAll;
      try (BenchKeeper k = ctx.keeper(ctx.withFullRefresh(1), "read-all", work.resolve("cold.db"))) {
        k.process(chain.blockNumber(), counter); // its first head
        readAll = BenchStats.readAll(steadyBlocks.run(k, Math.min(options.blocks(), READ_ALL_BLOCKS)));
      }
      BenchReport.SteadyState steady = BenchStats.steady(steadyHeads, options.changed(), readAll);
      progress.accept(BenchStats.f("steady state: %.1f calls per block, read-all %.1f", steady.callsPerBlock(),
          readAll.callsPerBlock()));

      LatencyPhase.Result rounds =
          new LatencyPhase(ctx, ETH, btcAfter())
              .run(options.warmupRounds(), options.rounds(), work.resolve("read-all.db"), progress);
      BenchReport.Latency latency = rounds.counted();
      return new BenchReport(
          setup, cold, steady, latency, rounds.warmup(),
          BenchStats.targets(cold, steady, latency, options.liquidatable()), millisSince(started),
          "processHead called directly after each mined block (keeper run polls for the head every poll interval"
              + " on top); Anvil on 127.0.0.1 with its default limits; latency rounds start from one chain"
              + " snapshot, after " + options.warmupRounds() + " warm-up round(s) not counted");
    } finally {
      RpcObserver.install(previous);
      deleteQuietly(work);
    }
  }

  private BenchBook book(ChainClient chain, VaultDeployment d) {
    VaultReader reader = new VaultReader(chain, new Multicall(chain, d.multicall(), CALLS_PER_AGGREGATE), d.vault());
    VaultConfig config = reader.readLayout(chain.blockNumber()).config();
    BenchBook book =
        BenchBook.generate(
            config, VaultDeployment.prices(ETH, BTC), VaultDeployment.prices(ETH, btcAfter()),
            new BenchBook.Spec(
                options.accounts(), options.liquidatable(), options.seed(), VaultDeployment.BTC_PERP,
                VaultDeployment.USDC));
    progress.accept("book of " + book.accounts().size() + " accounts generated, " + book.liquidatable().size()
        + " liquidatable after BTC -" + BTC_DROP_BPS / 100 + "%");
    return book;
  }

  private void seed(BenchSeeder seeder, BenchBook book) {
    int perBlock = ACCOUNTS_PER_SEED_TX * SEED_TXS_PER_BLOCK;
    int every = Math.max(perBlock, options.accounts() / 10);
    seeder.seed(book, ACCOUNTS_PER_SEED_TX, SEED_TXS_PER_BLOCK, written -> {
      if (written % every < perBlock || written == options.accounts()) progress.accept(written + " accounts written");
    });
  }

  /** The vault's own health factor of a few accounts equals the book's, computed locally with the vault's math. */
  private static void verifySample(ChainClient chain, VaultDeployment d, BenchBook book) {
    VaultReader reader = new VaultReader(chain, new Multicall(chain, d.multicall(), CALLS_PER_AGGREGATE), d.vault());
    VaultConfig config = reader.readLayout(chain.blockNumber()).config();
    VaultPrices before = VaultDeployment.prices(ETH, BTC);
    List<BenchAccount> sample = new ArrayList<>();
    book.accounts().stream().filter(a -> book.liquidatable().contains(a.address())).limit(5).forEach(sample::add);
    book.accounts().stream().filter(a -> !book.liquidatable().contains(a.address())).limit(5).forEach(sample::add);
    OnChainHealth onChain = new OnChainHealth(reader.multicall(), d.vault());
    List<BigInteger> health = onChain.of(sample.stream().map(BenchAccount::address).toList(), chain.blockNumber());
    for (int i = 0; i < sample.size(); i++) {
      BigInteger local = VaultMath.healthFactor(config, sample.get(i).state(), before);
      if (!local.equals(health.get(i)) || local.compareTo(Units.WAD) < 0) {
        throw new IllegalStateException(
            "seeded account " + sample.get(i).address() + " has health " + health.get(i) + " on chain, " + local
                + " in the book");
      }
    }
  }

  /** The keeper after its cold start, and the cold start's figures. */
  private record Cold(BenchKeeper keeper, BenchReport.ColdStart figures) {}

  /**
   * The cold start: a new keeper with an empty journal, from its creation to its first {@code processHead} returning;
   * then its memory after a collection.
   *
   * @param rssReset whether the resident high-water mark was reset just before
   */
  private Cold coldStart(BenchContext ctx, String rpcUrl, boolean rssReset) {
    long start = System.nanoTime();
    BenchKeeper k = ctx.keeper(ctx.strategy(), "cold", null);
    try {
      BenchKeeper.HeadRun run = k.process(ctx.chain().blockNumber(), counter);
      long millis = millisSince(start);
      MemoryProbe.Reading mem = memory.read();
      progress.accept("cold start: " + millis + " ms, " + run.report().tracked() + " accounts tracked");
      BenchReport.HeapCap cap = heapCheck(ctx, rpcUrl);
      progress.accept("cold start with -Xmx" + cap.capMiB() + "m: " + cap.outcome());
      return new Cold(
          k,
          new BenchReport.ColdStart(
              millis, run.report().tracked(), run.window().httpRequests(), run.window().calls(),
              run.window().byMethod(), BenchStats.waitMillis(run.window()), mem.heapUsedAfterGc(), mem.heapPeak(), mem.heapMax(), boxed(mem.rss()),
              boxed(mem.rssPeak()), rssReset, cap));
    } catch (RuntimeException e) {
      k.close();
      throw e;
    }
  }

  /** The same cold start in a {@code keeper run --once} process with a {@value BenchStats#HEAP_MAX_MIB} MiB heap. */
  private BenchReport.HeapCap heapCheck(BenchContext ctx, String rpcUrl) {
    Path strategy = ctx.work().resolve("bench-vault.yaml");
    try {
      Files.writeString(strategy, BenchStrategyFile.yaml(rpcUrl, ctx.deployment(), 600_000));
    } catch (IOException e) {
      throw new KeeperException("cannot write the bench strategy file: " + e.getMessage(), e);
    }
    return HeapCheck.run(
        strategy, ctx.work().resolve("heap-check.db"), options.projectDir(), BenchStats.HEAP_MAX_MIB, 900);
  }

  private static BigInteger btcAfter() {
    return BTC.multiply(BigInteger.valueOf(10_000 - BTC_DROP_BPS)).divide(Units.BPS);
  }

  private static Long boxed(java.util.OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("keeper-bench");
    } catch (IOException e) {
      throw new KeeperException("cannot create a temporary directory for the bench journals: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a leftover temporary file is harmless
    }
  }
}
