package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keeper run} writes its heartbeat after a head, and {@code keeper health} then reports it healthy. */
class RunHeartbeatIT {
  @TempDir Path tmp;

  @Test
  void shouldWriteAHeartbeatThatHealthAccepts() {
    try (DevnetFixture fx = DevnetFixture.start()) {
      Path beat = tmp.resolve("heartbeat");
      int code = run("run", "--strategy", DevnetFixture.projectDir().resolve("strategies/devnet-vault.yaml").toString(),
          "--rpc", fx.anvil.rpcUrl(), "--dev-account", "1", "--journal", tmp.resolve("j.db").toString(),
          "--heartbeat-file", beat.toString(), "--once");
      assertThat(code).isZero();
      assertThat(run("health", "--heartbeat-file", beat.toString(), "--max-age", "60")).isZero();
      assertThat(run("health", "--heartbeat-file", tmp.resolve("none").toString())).isEqualTo(1);
    }
  }

  private static int run(String... args) {
    return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }
}
