package io.collateralkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** contracts-abi/ is exactly what the pinned solc compiles from contracts/. */
class ContractsReproducibleIT {
  @Test
  void committedAbiAndBytecodeEqualAFreshCompile() throws Exception {
    Process p =
        new ProcessBuilder("node", "scripts/compile-contracts.js", "--check")
            .directory(DevnetFixture.projectDir().toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("matches a fresh compile");
  }
}
