package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keeper run} with the operations options: the endpoint and JSON logs start; bad values are usage errors. */
class RunOpsOptionsIT {
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

  @AfterEach
  void textLogs() {
    LogFormat.TEXT.apply();
  }

  @Test
  void shouldRunOnceWithTheMetricsEndpointAndJsonLogs() {
    int code = run("--log-format", "json", "run", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(),
        "--dev-account", "1", "--once", "--metrics-port", "0", "--journal", tmp.resolve("j.db").toString());
    assertThat(code).isZero();
  }

  @Test
  void shouldRefuseAnUnknownLogFormat() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "--log-format", "xml", "run",
        "--strategy", STRATEGY.toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("expected text or json, not 'xml'");
  }

  @Test
  void shouldRefuseAPortOutOfRange() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--strategy",
        STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "1", "--once", "--metrics-port", "70000",
        "--journal", tmp.resolve("j.db").toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("error: --metrics-port must be between 0 and 65535");
  }

  private static int run(String... args) {
    return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }
}
