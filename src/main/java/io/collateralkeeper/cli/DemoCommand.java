package io.collateralkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.devnet.DemoScenario;
import io.collateralkeeper.devnet.DemoSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keeper demo}: the keeper against a replayed crash on a local chain. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local Anvil chain, deploy the reference vault, open accounts, replay the ETH/BTC crash of",
      "2024-08-05 block by block and let the keeper liquidate. Exit code 0 when nothing is left liquidatable."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--accounts", defaultValue = "1000", description = "Accounts to open (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--seed", defaultValue = "20240805", description = "Random seed of the account mix.")
  long seed;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Mixin DevnetKeeperOptions wallet;

  @Option(
      names = "--route",
      defaultValue = "public",
      description = "public (eth_sendRawTransaction) or bundle (through a devnet bundle relay); default: ${DEFAULT-VALUE}.")
  String route;

  @Option(names = "--verbose", description = "Log every liquidation the keeper submits and settles.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!verbose) DevnetKeeperOptions.quietOperatorLogs(); // the summary and progress lines only
    if (accounts < 1 || accounts > 100_000) throw new KeeperException("--accounts must be between 1 and 100000");
    if (!route.equals("public") && !route.equals("bundle")) {
      throw new KeeperException("--route must be public or bundle, not '" + route + "'");
    }
    Path home = DevnetKeeperOptions.home();
    Path ks = wallet.keystore();
    Path pw = wallet.passwordFile();
    DemoScenario scenario =
        new DemoScenario(
            new DemoScenario.Options(accounts, seed, home, ks, pw, route.equals("bundle")),
            DevnetKeeperOptions.progress(spec.commandLine().getErr(), "demo: "));
    DemoSummary summary = scenario.run();
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    } else {
      out.println(summary.toText());
    }
    out.flush();
    return summary.success() ? ExitCodes.OK : ExitCodes.GOAL_NOT_MET;
  }
}
