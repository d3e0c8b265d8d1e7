package io.collateralkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.bench.BenchReport;
import io.collateralkeeper.bench.BenchRun;
import io.collateralkeeper.bench.BenchText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keeper bench}: the large-book benchmark on a local chain. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local Anvil chain, write a large book of vault accounts into the reference vault, and measure a real",
      "keeper against it: cold start, memory, JSON-RPC calls per block, new block to liquidation sent.",
      "Exit code 0 when every target is met, 3 otherwise."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--accounts", defaultValue = "100000", description = "Accounts in the vault (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--liquidatable",
      defaultValue = "100",
      description = "Accounts turning liquidatable in the price-move block (default: ${DEFAULT-VALUE}).")
  int liquidatable;

  @Option(names = "--blocks", defaultValue = "20", description = "Steady-state blocks (default: ${DEFAULT-VALUE}).")
  int blocks;

  @Option(
      names = "--changed",
      defaultValue = "50",
      description = "Accounts changed in each steady-state block (default: ${DEFAULT-VALUE}).")
  int changed;

  @Option(names = "--rounds", defaultValue = "5", description = "Latency rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "1",
      description = "Latency rounds run first and reported apart, not counted: the JVM compiles the liquidation path"
          + " in them (default: ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(names = "--seed", defaultValue = "8", description = "Random seed of the book (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
  Path json;

  @Mixin DevnetKeeperOptions wallet;

  @Override
  public Integer call() throws IOException {
    DevnetKeeperOptions.quietOperatorLogs(); // progress and figures only (100 liquidations per round)
    if (accounts < 1 || accounts > 1_000_000) throw new KeeperException("--accounts must be between 1 and 1000000");
    if (liquidatable < 1 || liquidatable > accounts) {
      throw new KeeperException("--liquidatable must be between 1 and --accounts (" + accounts + ")");
    }
    if (liquidatable == accounts) throw new KeeperException("--liquidatable must leave some accounts healthy");
    if (blocks < 1 || blocks > 10_000) throw new KeeperException("--blocks must be between 1 and 10000");
    if (changed < 0 || changed > accounts - liquidatable) {
      throw new KeeperException("--changed must be between 0 and the healthy accounts (" + (accounts - liquidatable) + ")");
    }
    if (rounds < 1 || rounds > 1_000) throw new KeeperException("--rounds must be between 1 and 1000");
    if (warmupRounds < 0 || warmupRounds > 100) throw new KeeperException("--warmup-rounds must be between 0 and 100");
    Path home = DevnetKeeperOptions.home();
    Path ks = wallet.keystore();
    Path pw = wallet.passwordFile();
    BenchRun run =
        new BenchRun(
            new BenchRun.Options(accounts, liquidatable, blocks, changed, warmupRounds, rounds, seed, home, ks, pw),
            DevnetKeeperOptions.progress(spec.commandLine().getErr(), "bench: "));
    BenchReport report = run.run();
    var out = spec.commandLine().getOut();
    out.print(BenchText.render(report));
    out.flush();
    if (json != null) {
      try {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
      } catch (IOException e) {
        throw new KeeperException("cannot write " + json + ": " + e.getMessage(), e);
      }
    }
    return report.targets().stream().allMatch(BenchReport.Target::met) ? ExitCodes.OK : ExitCodes.GOAL_NOT_MET;
  }
}
