package io.collateralkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * contracts-abi/ is exactly what the pinned solc compiles from contracts/, and its aave/ and uniswap/ ABIs are those
 * of the pinned npm artifacts.
 */
class ContractsReproducibleIT {
  @Test
  void committedAbiAndBytecodeEqualAFreshCompile() throws Exception {
    assertThat(runCheck("scripts/compile-contracts.js")).contains("matches a fresh compile");
  }

  @Test
  void committedNpmAbisEqualThePinnedArtifacts() throws Exception {
    assertThat(runCheck("scripts/extract-npm-abi.js")).contains("matches the npm artifacts");
  }

  private static String runCheck(String script) throws Exception {
    Process p =
        new ProcessBuilder("node", script, "--check")
            .directory(DevnetFixture.projectDir().toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
