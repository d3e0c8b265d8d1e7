package io.collateralkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.config.StrategyLoader;
import io.collateralkeeper.devnet.AnvilRuntime;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.simulate.ForkSimulation;
import io.collateralkeeper.simulate.KeeperAddress;
import io.collateralkeeper.simulate.Shock;
import io.collateralkeeper.simulate.SimulationJson;
import io.collateralkeeper.simulate.SimulationOptions;
import io.collateralkeeper.simulate.SimulationReport;
import io.collateralkeeper.simulate.SimulationText;
import io.collateralkeeper.simulate.Opportunity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keeper simulate}: a dry run of a strategy on a local Anvil fork. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Dry-run a strategy on a local Anvil fork of --fork-url: shock prices, run the keeper for K blocks as the",
      "strategy's wallet address (impersonated: no key needed), really execute its transactions on the fork and",
      "report every opportunity. Nothing is ever sent to --fork-url. Exit code 3 when a liquidation reverted or the",
      "keeper's balances do not match the receipts."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--strategy", required = true, paramLabel = "FILE", description = "Strategy file (YAML).")
  Path strategy;

  @Option(names = "--fork-url", required = true, paramLabel = "URL", description = "Upstream JSON-RPC to fork (only read).")
  String forkUrl;

  @Option(names = "--fork-block", paramLabel = "N", description = "Upstream block to fork at (default: its head).")
  Long forkBlock;

  @Option(names = "--blocks", paramLabel = "K", defaultValue = "10", description = "Blocks to run the keeper for (default: ${DEFAULT-VALUE}).")
  int blocks;

  @Option(names = "--shock", paramLabel = "ASSET=CHANGE%", description = "Price shock, repeatable, e.g. ETH=-30% or WBTC=+5%.")
  List<String> shocks = new ArrayList<>();

  @Option(names = "--keeper", paramLabel = "ADDRESS", description = "Address to act as (default: the strategy keystore's address, else Anvil dev account 1).")
  String keeper;

  @Option(names = "--fund-eth", paramLabel = "ETH", defaultValue = "10", description = "Raise the keeper's ether on the fork to at least this (default: ${DEFAULT-VALUE}).")
  BigDecimal fundEth;

  @Option(names = "--block-time", paramLabel = "S", defaultValue = "12", description = "Seconds between the fork's blocks (default: ${DEFAULT-VALUE}).")
  long blockTime;

  @Option(names = "--journal", paramLabel = "FILE", description = "Keep the dry run's journal in FILE (default: a temporary file, deleted).")
  Path journal;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    StrategyConfig config = new StrategyLoader().load(strategy);
    List<Shock> parsed = shocks.stream().map(Shock::parse).toList();
    Path home = DevnetKeeperOptions.home();
    Address address = KeeperAddress.resolve(keeperOption(), config, Path.of("."));
    SimulationOptions options =
        new SimulationOptions(config, forkUrl, forkBlock, blocks, parsed, address, wei(fundEth), blockTime, journal);
    var err = spec.commandLine().getErr();
    SimulationReport report =
        new ForkSimulation(AnvilRuntime.process(home), line -> {
              err.println("simulate: " + line);
              err.flush();
            })
            .run(options);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(SimulationJson.of(report)));
    } else {
      out.print(SimulationText.render(report));
    }
    out.flush();
    boolean clean = report.count(Opportunity.Status.REVERTED) == 0 && report.balances().consistent();
    return clean ? ExitCodes.OK : ExitCodes.GOAL_NOT_MET;
  }

  private Address keeperOption() {
    if (keeper == null) return null;
    try {
      return Address.of(keeper);
    } catch (IllegalArgumentException e) {
      throw new KeeperException("--keeper " + keeper + ": not an address (0x + 40 hex digits)");
    }
  }

  private static BigInteger wei(BigDecimal eth) {
    try {
      return eth.movePointRight(18).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new KeeperException("--fund-eth " + eth.toPlainString() + ": more than 18 decimals");
    }
  }
}
