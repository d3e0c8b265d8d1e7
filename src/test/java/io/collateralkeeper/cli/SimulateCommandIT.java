package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keeper simulate} as a user runs it, against a local upstream with the example strategy (the devnet
 * deployment's addresses): the JSON report and the table, and every bad input giving one line and exit 2.
 */
class SimulateCommandIT {
  private static final Path STRATEGY = DevnetFixture.projectDir().resolve("strategies/devnet-vault.yaml");
  private static DevnetFixture fx;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    System.setProperty("keeper.home", DevnetFixture.projectDir().toString());
    fx = DevnetFixture.start();
    Scenario.openLongs(fx, 6, 21, Scenario.health(104), Scenario.health(110));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void printsTheReportAsJsonWithTheVerdict() throws Exception {
    Path journal = tmp.resolve("dry-run.db");
    Result r = run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", fx.anvil.rpcUrl(), "--blocks", "3",
        "--shock", "ETH=-12%", "--shock", "BTC=-12%", "--journal", journal.toString(), "--json");
    assertThat(r.code).as(r.err).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out);
    assertThat(json.get("verdict").asText()).startsWith("would have earned $").contains("lost $0.00 to reverts");
    assertThat(json.get("keeper").asText()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(json.get("shocks")).hasSize(2);
    assertThat(json.get("opportunities")).isNotEmpty();
    for (JsonNode o : json.get("opportunities")) {
      assertThat(o.get("status").asText()).isEqualTo("won");
      assertThat(o.get("withinGasEstimate").asBoolean()).isTrue();
      assertThat(o.get("tx").asText()).startsWith("0x");
    }
    assertThat(json.get("balances").get("consistent").asBoolean()).isTrue();
    assertThat(r.err).contains("simulate: forked").contains("simulate: shock ETH=-12%");
    // the kept journal is a keeper journal: keeper history reads it
    Result history = run("history", "--journal", journal.toString(), "--json");
    assertThat(history.code).as(history.err).isZero();
    assertThat(history.out).contains("reference-vault");
  }

  @Test
  void printsATableAndSaysWhenNothingBecameLiquidatable() {
    Result r = run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", fx.anvil.rpcUrl(), "--blocks", "1");
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).contains("(no account became liquidatable)")
        .contains("verdict: would have earned $0.00, lost $0.00 to reverts (0 won, 0 reverted, 0 cancelled, 0 pending, 0 skipped in 1 blocks)");
  }

  @Test
  void refusesAnUpstreamOfAnotherChain() throws Exception {
    Path wrong = tmp.resolve("mainnet-id.yaml");
    Files.writeString(wrong, Files.readString(STRATEGY).replace("chain-id: 31337", "chain-id: 1"));
    assertUserError(run("simulate", "--strategy", wrong.toString(), "--fork-url", fx.anvil.rpcUrl()),
        "wrong chain: http://127.0.0.1:");
  }

  @Test
  void refusesBadShocksBlocksAndUnreachableUpstreams() {
    assertUserError(run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", fx.anvil.rpcUrl(), "--shock", "ETH-30"),
        "--shock ETH-30: expected ASSET=CHANGE%");
    assertUserError(run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", fx.anvil.rpcUrl(), "--shock", "DOGE=-5%"),
        "unknown asset DOGE");
    assertUserError(run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", fx.anvil.rpcUrl(), "--blocks", "0"),
        "--blocks must be between 1 and 10000");
    assertUserError(run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", "http://127.0.0.1:9"),
        "cannot read the fork URL");
    assertUserError(run("simulate", "--strategy", STRATEGY.toString(), "--fork-url", fx.anvil.rpcUrl(), "--keeper", "0x12"),
        "--keeper 0x12: not an address");
  }

  /** Exit 2 and one error line (after any progress lines). */
  private static void assertUserError(Result r, String fragment) {
    assertThat(r.code).as(r.err).isEqualTo(ExitCodes.USAGE);
    var lines = r.err.strip().lines().filter(l -> !l.startsWith("simulate: ")).toList();
    assertThat(lines).as(r.err).singleElement().asString().startsWith("error: ").contains(fragment);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
