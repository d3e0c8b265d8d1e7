package io.collateralkeeper.cli;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.CrashPath;
import io.collateralkeeper.devnet.Asset;
import io.collateralkeeper.devnet.DemoScenario;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.devnet.aave.AaveDevnet;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.simulate.Shock;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keeper devnet}: a local chain to run {@code keeper run} against, at the addresses the shipped devnet
 * strategies expect. Mines a block every {@code --block-time-ms}, optionally shocks prices at a given block, and runs
 * until interrupted (or {@code --blocks}).
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local Anvil chain on 127.0.0.1 with the Aave V3 market (strategies/aave-v3-devnet.yaml) or the",
      "reference vault (strategies/devnet-vault.yaml) and open accounts; mine blocks until interrupted."
    })
public final class DevnetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--protocol", defaultValue = "aave", description = "aave or vault (default: ${DEFAULT-VALUE}).")
  String protocol;

  @Option(names = "--port", defaultValue = "8545", description = "127.0.0.1 port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--accounts", defaultValue = "50", description = "Accounts to open (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--block-time-ms", defaultValue = "1000", description = "Mine a block this often (default: ${DEFAULT-VALUE}).")
  long blockTimeMs;

  @Option(
      names = "--shock",
      paramLabel = "ASSET=PCT%",
      description = "Move a price at the shock block, e.g. WETH=-10% (Aave reserve symbols; ETH, BTC for the vault).")
  List<String> shocks = new ArrayList<>();

  @Option(
      names = "--shock-after-blocks",
      defaultValue = "10",
      description = "Blocks after start-up before the shocks (default: ${DEFAULT-VALUE}).")
  long shockAfter;

  @Option(names = "--blocks", description = "Stop after mining this many blocks (default: run until interrupted).")
  Long blocks;

  @Override
  public Integer call() throws Exception {
    if (!protocol.equals("aave") && !protocol.equals("vault")) {
      throw new KeeperException("--protocol must be aave or vault, not '" + protocol + "'");
    }
    if (port < 1 || port > 65_535) throw new KeeperException("--port must be between 1 and 65535");
    if (blockTimeMs < 10) throw new KeeperException("--block-time-ms must be at least 10");
    List<Shock> moves = shocks.stream().map(Shock::parse).toList();
    Path home = DevnetKeeperOptions.home();
    PrintWriter out = spec.commandLine().getOut();
    Signer keeper = WalletLoader.devAccount(1, 31337);
    try (AnvilProcess anvil =
            AnvilProcess.start(AnvilBinary.locate(home), AnvilOptions.devnet().withGasLimit(1_000_000_000L), port);
        ChainClient chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30))) {
      DevnetControl devnet = new DevnetControl(chain);
      Shocker shocker;
      if (protocol.equals("aave")) {
        AaveDevnet d = AaveDevnet.deploy(chain, home, keeper, accounts);
        out.println("devnet ready: " + anvil.rpcUrl() + " (chain id 31337), Aave V3 with " + d.borrowers().size() + " borrowers");
        out.println("  PoolAddressesProvider  " + d.aave().provider());
        out.println("  Pool                   " + d.aave().pool());
        out.println("  FlashLiquidator        " + d.executor() + " (owner: dev account 1)");
        out.println("  Uniswap V2 router      " + d.dex().router());
        out.println("  Multicall3             " + d.multicall());
        out.println("  WETH/USD feed          " + d.aave().reserve("WETH").feed());
        out.println("  start block            " + d.aave().startBlock());
        out.println("keeper: ./keeper run --strategy strategies/aave-v3-devnet.yaml --dev-account 1");
        shocker = shock -> {
          Address feed = d.aave().reserve(shock.asset()).feed();
          d.aave().setPrice(devnet, shock.asset(), shock.apply(answer(chain, feed)));
        };
      } else {
        Signer deployer = WalletLoader.devAccount(0, 31337);
        CrashPath path = CrashPath.load();
        BigInteger eth0 = path.startPrice(Asset.ETH);
        BigInteger btc0 = path.startPrice(Asset.BTC);
        VaultDeployment d = VaultDeployer.deploy(chain, deployer.credentials(), eth0, btc0, 86_400);
        Address owner = Address.of(deployer.address());
        DemoScenario.openAccounts(chain, devnet, d, owner, eth0, btc0, accounts, 20240805L);
        out.println("devnet ready: " + anvil.rpcUrl() + " (chain id 31337), reference vault with " + accounts + " accounts");
        out.println("  CrossMarginVault       " + d.vault());
        out.println("  Multicall3             " + d.multicall());
        out.println("  ETH/USD feed           " + d.ethFeed());
        out.println("keeper: ./keeper run --strategy strategies/devnet-vault.yaml --dev-account 1");
        shocker = shock -> {
          BigInteger eth = answer(chain, d.ethFeed());
          BigInteger btc = answer(chain, d.btcFeed());
          switch (shock.asset()) {
            case "ETH" -> eth = shock.apply(eth);
            case "BTC" -> btc = shock.apply(btc);
            default -> throw new KeeperException("--shock: the vault's assets are ETH and BTC, not " + shock.asset());
          }
          DemoScenario.setFeeds(chain, devnet, d, owner, eth, btc);
        };
      }
      out.flush();
      mine(chain, devnet, shocker, moves, out);
    }
    return ExitCodes.OK;
  }

  private void mine(ChainClient chain, DevnetControl devnet, Shocker shocker, List<Shock> moves, PrintWriter out)
      throws InterruptedException {
    devnet.setAutomine(false);
    long mined = 0;
    while (blocks == null || mined < blocks) {
      Thread.sleep(blockTimeMs);
      if (mined == shockAfter && !moves.isEmpty()) {
        for (Shock m : moves) shocker.shock(m); // mines
        out.println("shock applied at block " + chain.blockNumber() + ": " + moves);
        out.flush();
      } else {
        devnet.mine();
      }
      mined++;
    }
  }

  /** The feed's latest answer (USD, 8 decimals). */
  private static BigInteger answer(ChainClient chain, Address feed) {
    return FeedAbi.decodeRound(feed, chain.call(new CallRequest(feed, FeedAbi.latestRoundData()), chain.blockNumber())).answer();
  }

  @FunctionalInterface
  private interface Shocker {
    void shock(Shock shock);
  }
}
