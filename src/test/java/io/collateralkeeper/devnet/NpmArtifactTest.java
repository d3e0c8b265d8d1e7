package io.collateralkeeper.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.generated.Uint256;

class NpmArtifactTest {
  private static final Path NODE_MODULES = DevnetFixture.projectDir().resolve("node_modules");
  private static final String POOL = "@aave/core-v3/artifacts/contracts/protocol/pool/Pool.sol/Pool.json";

  @Test
  void readsAHardhatArtifactAndLinksEveryLibrarySlot() {
    NpmArtifact pool = NpmArtifact.read(NODE_MODULES, POOL);
    assertThat(pool.name()).isEqualTo("Pool");
    assertThat(pool.libraries())
        .containsExactly("BorrowLogic", "BridgeLogic", "EModeLogic", "FlashLoanLogic", "LiquidationLogic",
            "PoolLogic", "SupplyLogic");
    assertThat(pool.bytecode()).contains("__$");

    Map<String, Address> libs = new HashMap<>();
    int i = 1;
    for (String lib : pool.libraries()) libs.put(lib, Address.of(String.format("0x%040x", 0xabc000 + i++)));
    String linked = pool.linked(libs);
    assertThat(linked).startsWith("0x").doesNotContain("__").hasSize(pool.bytecode().length() + 2);
    int start = pool.linkReferences().get("SupplyLogic").get(0);
    assertThat(linked.substring(2 + 2 * start, 2 + 2 * start + 40)).isEqualTo(libs.get("SupplyLogic").hex().substring(2));
  }

  @Test
  void initCodeAppendsTheEncodedConstructorArguments() {
    NpmArtifact pair = NpmArtifact.read(NODE_MODULES, "@uniswap/v2-core/build/UniswapV2Pair.json");
    assertThat(pair.libraries()).isEmpty(); // a Waffle artifact: evm.bytecode.object
    assertThat(pair.initCode(Map.of(), List.of(new Uint256(255)))).isEqualTo("0x" + pair.bytecode() + "0".repeat(62) + "ff");
  }

  @Test
  void aMissingLibraryIsNamed() {
    NpmArtifact pool = NpmArtifact.read(NODE_MODULES, POOL);
    assertThatThrownBy(() -> pool.linked(Map.of()))
        .isInstanceOf(KeeperException.class)
        .hasMessageContaining("Pool needs library");
  }

  @Test
  void missingNodeModulesOrArtifactSaysRunNpmCi(@TempDir Path empty) {
    assertThatThrownBy(() -> NpmArtifact.read(empty.resolve("node_modules"), POOL))
        .isInstanceOf(KeeperException.class)
        .hasMessageContaining("run 'npm ci'");
    assertThatThrownBy(() -> NpmArtifact.read(empty, "@aave/core-v3/artifacts/Nope.json"))
        .isInstanceOf(KeeperException.class)
        .hasMessageContaining("npm artifact @aave/core-v3/artifacts/Nope.json not found")
        .hasMessageContaining("run 'npm ci'");
  }
}
