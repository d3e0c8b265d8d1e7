package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keeper run} against a real Anvil chain: a good start, and every bad input giving one line and exit 2. */
class RunCommandIT {
  private static DevnetFixture fx;
  private static final Path STRATEGY = DevnetFixture.projectDir().resolve("strategies/devnet-vault.yaml");
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    fx = DevnetFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void shipsAStrategyWhoseAddressesMatchTheDevnetDeployment() {
    assertThat(fx.deployment.vault().hex()).isEqualTo("0xa513e6e4b8f2a923d98304ec87f64353c4d5c853");
    Result r = run("run", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "1", "--once");
    assertThat(r.code).as(r.err).isZero();
  }

  @Test
  void opensTheKeystoreNamedInTheStrategy() {
    Result r = run("run", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--once",
        "--keystore", DevnetFixture.projectDir().resolve("wallets.example/devnet-keeper.json").toString(),
        "--password-file", DevnetFixture.projectDir().resolve("wallets.example/devnet-keeper.password").toString());
    assertThat(r.code).as(r.err).isZero();
  }

  @Test
  void unknownKeyIsOneLineNamingTheKey() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(STRATEGY).replace("poll-interval-ms", "poll-intervall-ms"));
    assertUserError(run("run", "--strategy", bad.toString(), "--dev-account", "1"), "unknown key 'chain.poll-intervall-ms'");
  }

  @Test
  void missingStrategyFile() {
    assertUserError(run("run", "--strategy", tmp.resolve("nope.yaml").toString()), "strategy file not found");
  }

  @Test
  void wrongChainId() throws Exception {
    Path wrong = tmp.resolve("wrong.yaml");
    Files.writeString(wrong, Files.readString(STRATEGY).replace("chain-id: 31337", "chain-id: 1"));
    assertUserError(run("run", "--strategy", wrong.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "1", "--once"),
        "reports chain id 31337 but the strategy expects 1");
  }

  @Test
  void unreachableRpc() {
    assertUserError(run("run", "--strategy", STRATEGY.toString(), "--rpc", "http://127.0.0.1:1", "--dev-account", "1", "--once"),
        "unreachable");
  }

  @Test
  void wrongKeystorePassword() throws Exception {
    Path pw = tmp.resolve("pw");
    Files.writeString(pw, "not-the-password\n");
    Result r = run("run", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--once",
        "--keystore", DevnetFixture.projectDir().resolve("wallets.example/devnet-keeper.json").toString(),
        "--password-file", pw.toString());
    assertUserError(r, "wrong password");
    assertThat(r.err).doesNotContain("not-the-password");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Result r = run("run", "--strategy", STRATEGY.toString(), "--no-such-flag");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("Unknown option");
  }

  private static void assertUserError(Result r, String fragment) {
    assertThat(r.code).as(r.err).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains(fragment).startsWith("error: ");
    assertThat(r.err.strip().lines().count()).as("one line: %s", r.err).isEqualTo(1);
    assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
