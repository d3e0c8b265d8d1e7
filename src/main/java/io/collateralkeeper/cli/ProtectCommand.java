package io.collateralkeeper.cli;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.config.StrategyLoader;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.ops.Operations;
import io.collateralkeeper.protect.OpsAlertSink;
import io.collateralkeeper.protect.ProtectAssembly;
import io.collateralkeeper.protect.ProtectDaemon;
import io.collateralkeeper.protect.ProtectListener;
import io.collateralkeeper.wallet.Signer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keeper protect}: keeps the user's own accounts out of liquidation; {@code --explain} only reports. */
@Command(
    name = "protect",
    mixinStandardHelpOptions = true,
    description = "Keep your own accounts out of liquidation: top up, repay or reduce below the band, per the strategy.")
public final class ProtectCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ProtectCommand.class);

  @Option(names = "--strategy", required = true, paramLabel = "FILE", description = "Strategy file with a protect section.")
  Path strategy;

  @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC endpoint, repeatable (overrides chain.rpc-urls and KEEPER_RPC).")
  List<String> rpc;

  @Option(names = "--once", description = "Process the current head once, then exit.")
  boolean once;

  @Option(
      names = "--explain",
      description = "Print each account's health, band, VaR/ES figures and the action it would take now; send nothing.")
  boolean explain;

  @Mixin WalletOptions wallet;

  @Mixin JournalOptions journal;

  /** Metrics endpoint and alerts (the webhook hears protect alerts as PROTECT_FAILED). */
  @Mixin OpsOptions ops;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    StrategyConfig config = new StrategyLoader().load(strategy);
    if (config.protect() == null) {
      throw new KeeperException(strategy + ": no 'protect' section: keeper protect needs the accounts and their bands");
    }
    List<String> urls = rpcUrls(config);
    long timeoutMs = config.chain().rpcTimeoutMs() == null ? 10_000 : config.chain().rpcTimeoutMs();
    try (ChainClient chain = ChainClient.http(urls, Duration.ofMillis(timeoutMs), config.chain().poolSettings())) {
      KeeperAssembly.verifyChainId(chain, config);
      Signer signer = wallet.load(config, config.chain().chainId());
      Path file = journal.path(config.journal());
      if (explain) return explain(chain, config, Address.of(signer.address()), file);
      try (Journal log = Journal.open(file);
          Operations operations = ops.start(config, chain, signer, urls)) {
        ProtectListener heads = r -> operations.listener().onBlock(
            new BlockReport(r.block(), r.accounts().size(), java.util.Set.of(), List.of(), List.of(), List.of()));
        ProtectDaemon daemon =
            ProtectAssembly.assemble(chain, config, signer, log, new OpsAlertSink(operations.alerts()), heads);
        LOG.info("protect on chain {} via {} (of {} endpoints) as {}, {} account(s), journal {}", config.chain().chainId(),
            chain.endpoint(), chain.endpointCount(),
            signer.address(), config.protect().accounts().size(), log.file());
        if (once) {
          daemon.processHead(chain.blockNumber());
          return ExitCodes.OK;
        }
        Thread worker = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { daemon.stop(); worker.interrupt(); }, "protect-shutdown"));
        daemon.run();
        return ExitCodes.OK;
      }
    }
  }

  private Integer explain(ChainClient chain, StrategyConfig config, Address wallet, Path file) {
    Optional<Journal> log = Files.isRegularFile(file) ? Optional.of(Journal.openExisting(file)) : Optional.empty();
    try {
      String text = ProtectAssembly.explainer(chain, config, wallet, log).explain(chain.blockNumber());
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    } finally {
      log.ifPresent(Journal::close);
    }
  }

  private List<String> rpcUrls(StrategyConfig config) {
    if (rpc != null && !rpc.isEmpty()) return rpc;
    String env = System.getenv("KEEPER_RPC");
    if (env != null && !env.isBlank()) return List.of(env.split(","));
    return config.chain().rpcUrls();
  }
}
