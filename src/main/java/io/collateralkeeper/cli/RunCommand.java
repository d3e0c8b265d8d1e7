package io.collateralkeeper.cli;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.config.StrategyLoader;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.ops.Operations;
import io.collateralkeeper.wallet.Signer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keeper run}: the liquidation daemon. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the liquidation daemon for a strategy.")
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--strategy", required = true, paramLabel = "FILE", description = "Strategy file (YAML).")
  Path strategy;

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      description = "JSON-RPC endpoint, repeatable (overrides chain.rpc-urls and KEEPER_RPC).")
  List<String> rpc;

  @Option(names = "--once", description = "Process the current head once, then exit (for checks and scripts).")
  boolean once;

  @Mixin WalletOptions wallet;

  /** The journal every transaction is recorded in before it is broadcast. */
  @Mixin JournalOptions journal;

  /** Metrics endpoint and alerts. */
  @Mixin OpsOptions ops;

  @Override
  public Integer call() {
    StrategyConfig config = new StrategyLoader().load(strategy);
    List<String> urls = rpcUrls(config);
    long timeoutMs = config.chain().rpcTimeoutMs() == null ? 10_000 : config.chain().rpcTimeoutMs();
    try (ChainClient chain = ChainClient.http(urls, Duration.ofMillis(timeoutMs), config.chain().poolSettings())) {
      KeeperAssembly.verifyChainId(chain, config);
      Signer signer = wallet.load(config, config.chain().chainId());
      try (Journal log = Journal.open(journal.path(config.journal()));
          Operations operations = ops.start(config, chain, signer, urls)) {
        KeeperListener listener = KeeperListener.all(operations.listener(), IndexProgressDisplay.forThisProcess());
        return run(chain, config, signer, log, listener);
      }
    }
  }

  private Integer run(ChainClient chain, StrategyConfig config, Signer signer, Journal log, KeeperListener listener) {
    KeeperDaemon daemon = KeeperAssembly.assemble(chain, config, signer, log, listener);
    LOG.info(
        "keeper {} on chain {} via {} (of {} endpoints) as {}, journal {}",
        config.protocol().getClass().getSimpleName(),
        config.chain().chainId(),
        chain.endpoint(),
        chain.endpointCount(),
        signer.address(),
        log.file());
    if (once) {
      daemon.processHead(chain.blockNumber());
      return ExitCodes.OK;
    }
    Thread worker = Thread.currentThread();
    Thread hook = new Thread(() -> { daemon.stop(); worker.interrupt(); }, "keeper-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    daemon.run();
    return ExitCodes.OK;
  }

  private List<String> rpcUrls(StrategyConfig config) {
    if (rpc != null && !rpc.isEmpty()) return rpc;
    String env = System.getenv("KEEPER_RPC");
    if (env != null && !env.isBlank()) return List.of(env.split(","));
    return config.chain().rpcUrls();
  }
}
