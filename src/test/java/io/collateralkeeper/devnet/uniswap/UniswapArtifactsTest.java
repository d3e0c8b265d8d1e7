package io.collateralkeeper.devnet.uniswap;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DevnetFixture;
import org.junit.jupiter.api.Test;

class UniswapArtifactsTest {
  @Test
  void theNpmPairBytecodeHasTheInitCodeHashRouter02HardCodes() {
    UniswapArtifacts a = UniswapArtifacts.read(DevnetFixture.projectDir().resolve("node_modules"));
    // the mainnet value in UniswapV2Library.pairFor
    assertThat(a.pairInitCodeHash()).isEqualTo("0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f");
    assertThat(a.router.bytecode()).contains(a.pairInitCodeHash().substring(2));
  }
}
