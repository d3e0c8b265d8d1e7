package io.collateralkeeper.devnet;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.devnet.relay.DevnetBundleRelay;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.protocol.vault.VaultReader;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * {@code keeper demo}: a local Anvil chain, the reference vault, a seeded book of accounts, the 2024-08-05 crash
 * replayed into the feeds one price point per block, and the real keeper daemon liquidating against it.
 */
public final class DemoScenario {
  /**
   * Demo parameters.
   *
   * @param bundles send through a {@link io.collateralkeeper.devnet.relay.DevnetBundleRelay} (the bundle route)
   *     instead of the public mempool; the relay then builds every block
   */
  public record Options(int accounts, long seed, Path projectDir, Path keystore, Path passwordFile, boolean bundles) {}

  private static final BigInteger MIN_HEALTH = new BigInteger("1020000000000000000");
  private static final BigInteger MAX_HEALTH = new BigInteger("3000000000000000000");
  private static final int ENTRY_OFFSET_PCT = 8;
  private static final int EXTRA_BLOCKS = 10;

  private final Options options;
  private final Consumer<String> progress;

  public DemoScenario(Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs the whole demo and returns its summary. */
  public DemoSummary run() throws InterruptedException {
    long started = System.nanoTime();
    CrashPath path = CrashPath.load();
    BigInteger eth0 = path.startPrice(Asset.ETH);
    BigInteger btc0 = path.startPrice(Asset.BTC);
    try (AnvilProcess anvil = AnvilProcess.start(AnvilBinary.locate(options.projectDir()), AnvilOptions.devnet().withGasLimit(1_000_000_000L));
        ChainClient chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30))) {
      progress.accept("anvil running at " + anvil.rpcUrl());
      DevnetControl devnet = new DevnetControl(chain);
      Signer deployer = WalletLoader.devAccount(0, 31337);
      VaultDeployment d = VaultDeployer.deploy(chain, deployer.credentials(), eth0, btc0, 86_400);
      progress.accept("vault deployed at " + d.vault());

      List<SeedAccount> accounts =
          openAccounts(chain, devnet, d, Address.of(deployer.address()), eth0, btc0, options.accounts(), options.seed());
      progress.accept(accounts.size() + " accounts opened");

      Signer keeper = WalletLoader.fromKeystore(options.keystore(), options.passwordFile());
      BlockingQueue<BlockReport> reports = new LinkedBlockingQueue<>();
      Path journalDir = createTempDirectory();
      try (DevnetBundleRelay relay = options.bundles() ? DevnetBundleRelay.start(chain, DevnetBundleRelay.Mode.BUILD_ON_CALL) : null;
          Journal journal = Journal.open(journalDir.resolve("demo-journal.db"))) {
        StrategyConfig config = strategy(anvil.rpcUrl(), d, relay == null ? null : relay.url());
        if (relay != null) progress.accept("bundle route through the devnet relay at " + relay.url());
        KeeperDaemon daemon = KeeperAssembly.assemble(chain, config, keeper, journal, reports::add);
        Thread worker = Thread.ofPlatform().name("keeper-daemon").daemon().start(daemon);
        Runnable mine = relay == null ? devnet::mine : () -> relay.buildBlock();
        try {
          return replay(chain, devnet, mine, d, path, accounts, daemon, reports, started);
        } finally {
          daemon.stop();
          worker.interrupt();
          worker.join(5_000);
        }
      } finally {
        deleteQuietly(journalDir);
      }
    }
  }

  private static Path createTempDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("keeper-demo");
    } catch (java.io.IOException e) {
      throw new io.collateralkeeper.KeeperException("cannot create a temporary directory for the demo journal: " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | RuntimeException ignored) {
      // a leftover temporary file is harmless
    }
  }

  /**
   * Opens the demo's seeded book on a vault deployment: 65% longs entered 8% above the start prices, 35% shorts 8%
   * below, health factors between 1.02 and 3 at the start prices, which the feeds are left at.
   *
   * @param minter the deployer (mints collateral, owns the feeds)
   * @param eth0 ETH start price, USD 8 decimals
   * @param btc0 BTC start price, USD 8 decimals
   * @param count how many accounts
   * @param seed the seed of the mix
   */
  public static List<SeedAccount> openAccounts(
      ChainClient chain, DevnetControl devnet, VaultDeployment d, Address minter, BigInteger eth0, BigInteger btc0,
      int count, long seed) {
    VaultConfig config =
        new VaultReader(chain, new Multicall(chain, d.multicall(), 250), d.vault()).readLayout(chain.blockNumber()).config();
    AccountGenerator gen = new AccountGenerator(config, seed);
    Random rnd = new Random(seed);
    BigInteger ethHi = pct(eth0, 100 + ENTRY_OFFSET_PCT);
    BigInteger btcHi = pct(btc0, 100 + ENTRY_OFFSET_PCT);
    BigInteger ethLo = pct(eth0, 100 - ENTRY_OFFSET_PCT);
    BigInteger btcLo = pct(btc0, 100 - ENTRY_OFFSET_PCT);
    VaultPrices start = VaultDeployment.prices(eth0, btc0);
    List<SeedAccount> longs = new ArrayList<>();
    List<SeedAccount> shorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean isLong = rnd.nextInt(100) < 65;
      VaultPrices entry = isLong ? VaultDeployment.prices(ethHi, btcHi) : VaultDeployment.prices(ethLo, btcLo);
      SeedAccount a = gen.next(i, isLong, entry, start, MIN_HEALTH, MAX_HEALTH, 1_000, 100_000);
      (isLong ? longs : shorts).add(a);
    }
    VaultSeeder seeder = new VaultSeeder(devnet, d, minter);
    setFeeds(chain, devnet, d, minter, ethHi, btcHi);
    seeder.open(longs);
    setFeeds(chain, devnet, d, minter, ethLo, btcLo);
    seeder.open(shorts);
    setFeeds(chain, devnet, d, minter, eth0, btc0);
    List<SeedAccount> all = new ArrayList<>(longs);
    all.addAll(shorts);
    return all;
  }

  private DemoSummary replay(
      ChainClient chain,
      DevnetControl devnet,
      Runnable mine,
      VaultDeployment d,
      CrashPath path,
      List<SeedAccount> accounts,
      KeeperDaemon daemon,
      BlockingQueue<BlockReport> reports,
      long started)
      throws InterruptedException {
    Address owner = Address.of(WalletLoader.devAccount(0, 31337).address());
    devnet.setAutomine(false);
    long firstBlock = chain.blockNumber();
    awaitReport(reports, firstBlock);
    Map<Address, Long> openSince = new HashMap<>();
    Set<Address> ever = new HashSet<>();
    List<Long> latencies = new ArrayList<>();
    int step = 0;
    for (PricePoint p : path.points()) {
      sendFeeds(devnet, d, owner, p.price(Asset.ETH), p.price(Asset.BTC));
      mine.run();
      track(awaitReport(reports, chain.blockNumber()), openSince, ever, latencies);
      if (++step % 60 == 0) progress.accept("replayed " + step + "/" + path.size() + " price points");
    }
    for (int i = 0; i < EXTRA_BLOCKS; i++) {
      mine.run();
      BlockReport r = awaitReport(reports, chain.blockNumber());
      track(r, openSince, ever, latencies);
      if (r.liquidatable().isEmpty() && daemon.attempts().stream().allMatch(Attempt::included)) break;
      if (i == EXTRA_BLOCKS - 1) r.skipped().forEach(line -> progress.accept("not liquidated: " + line));
    }
    devnet.setAutomine(true);
    long lastBlock = chain.blockNumber();
    int still = stillLiquidatable(chain, d, accounts, lastBlock);
    return summarize(accounts.size(), path, lastBlock - firstBlock, ever, daemon.attempts(), still, latencies, started);
  }

  private static void track(BlockReport r, Map<Address, Long> openSince, Set<Address> ever, List<Long> latencies) {
    for (Attempt a : r.settled()) {
      Long since = openSince.remove(a.account());
      if (a.success() && since != null) latencies.add(a.includedBlock() - since);
    }
    for (Address a : r.liquidatable()) {
      ever.add(a);
      openSince.putIfAbsent(a, r.block());
    }
  }

  private DemoSummary summarize(
      int accounts, CrashPath path, long blocks, Set<Address> ever, List<Attempt> attempts, int still, List<Long> latencies, long started) {
    BigInteger revenue = BigInteger.ZERO;
    BigInteger gasUsd = BigInteger.ZERO;
    BigInteger gasWei = BigInteger.ZERO;
    Set<Address> liquidated = new HashSet<>();
    int included = 0;
    int reverted = 0;
    for (Attempt a : attempts) {
      if (!a.included()) continue;
      gasUsd = gasUsd.add(a.gasCostUsdWad());
      gasWei = gasWei.add(a.gasCostWei());
      if (a.success()) {
        included++;
        liquidated.add(a.account());
        revenue = revenue.add(a.revenueUsdWad());
      } else {
        reverted++;
      }
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    return new DemoSummary(
        accounts,
        path.size(),
        blocks,
        ever.size(),
        liquidated.size(),
        included,
        still,
        median,
        max,
        usd(revenue),
        usd(gasUsd),
        new BigDecimal(gasWei, 18).setScale(6, RoundingMode.HALF_UP),
        usd(revenue.subtract(gasUsd)),
        reverted,
        new BigDecimal(path.minPrice(Asset.ETH), 8).setScale(2, RoundingMode.HALF_UP),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        options.bundles() ? "bundles via the devnet relay" : "public mempool");
  }

  /** Counts accounts the vault itself reports with health below 1 (independent of the keeper's view). */
  private static int stillLiquidatable(ChainClient chain, VaultDeployment d, List<SeedAccount> accounts, long block) {
    VaultAbi abi = new VaultAbi(d.vault());
    List<CallRequest> calls = accounts.stream().map(a -> new CallRequest(d.vault(), abi.healthFactor(a.address()))).toList();
    int n = 0;
    for (CallResult r : new Multicall(chain, d.multicall(), 250).aggregate(calls, block)) {
      if (abi.decodeUint(r.returnData()).compareTo(Units.WAD) < 0) n++;
    }
    return n;
  }

  private static BlockReport awaitReport(BlockingQueue<BlockReport> reports, long block) throws InterruptedException {
    while (true) {
      BlockReport r = reports.poll(60, TimeUnit.SECONDS);
      if (r == null) throw new IllegalStateException("the keeper did not process block " + block + " within 60 s");
      if (r.block() >= block) return r;
    }
  }

  /** Sets both vault feeds (USD, 8 decimals) in one mined block, as their owner. */
  public static void setFeeds(ChainClient chain, DevnetControl devnet, VaultDeployment d, Address owner, BigInteger eth, BigInteger btc) {
    sendFeeds(devnet, d, owner, eth, btc);
    devnet.mine();
  }

  /** Queues the two feed updates (owner, zero tip so keeper transactions sort first in the block). */
  private static void sendFeeds(DevnetControl devnet, VaultDeployment d, Address owner, BigInteger eth, BigInteger btc) {
    devnet.sendUnmined(
        List.of(
            new DevnetControl.DevTx(owner, d.ethFeed(), feed(d.ethFeed()).setAnswer(eth).encodeFunctionCall(), 200_000),
            new DevnetControl.DevTx(owner, d.btcFeed(), feed(d.btcFeed()).setAnswer(btc).encodeFunctionCall(), 200_000)));
  }

  private static MockAggregator feed(Address a) {
    return MockAggregator.load(a.hex(), null, new ReadonlyTransactionManager(null, a.hex()), new DefaultGasProvider());
  }

  /**
   * The strategy the demo's keeper runs, as strategies/devnet-vault.yaml would give it.
   *
   * @param relayUrl the devnet relay for the bundle route, or null for the public mempool
   */
  public static StrategyConfig strategy(String rpcUrl, VaultDeployment d, String relayUrl) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(rpcUrl), 31337L, 20L, 30_000L),
        new StrategyConfig.ReferenceVault(d.vault().hex(), d.multicall().hex(), d.deployBlock(), 5_000L),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), new BigDecimal("1.02")),
        // no competitor on the devnet: offer 10% of the net profit as tip
        new StrategyConfig.Gas(new BigDecimal("200"), null, new BigDecimal("0.1"), 1000L, 0L, null, null, null, null,
            d.ethFeed().hex(), null),
        relayUrl == null ? null : new StrategyConfig.Route("bundle", List.of(relayUrl), null, null, null, null),
        null);
  }

  private static BigInteger pct(BigInteger v, int pct) {
    return v.multiply(BigInteger.valueOf(pct)).divide(BigInteger.valueOf(100));
  }

  private static BigDecimal usd(BigInteger wad) {
    return new BigDecimal(wad, 18).setScale(2, RoundingMode.HALF_UP);
  }
}
