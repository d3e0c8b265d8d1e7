package io.collateralkeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code protect} section of a strategy: parsing, defaults and one-line errors. */
class ProtectStrategyTest {
  private static final String SOURCE = "protect.yaml";

  private static final String HEAD =
      """
      chain:
        rpc-urls: ["http://127.0.0.1:8545"]
        chain-id: 31337
      protocol:
        type: reference-vault
        vault: "0xa513e6e4b8f2a923d98304ec87f64353c4d5c853"
      gas:
        max-fee-gwei: 200
        native-usd-feed: "0x5fc8d32690cc91d4c39d9d3abcbd16989f875707"
      """;

  private static final String PROTECT =
      """
      protect:
        accounts:
          - address: "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"
            min: 1.3
            target: 1.6
            max: 3
          - address: "0x90f79bf6eb2c4f870365e785982e1f101e93b906"
            min: 1.2
            target: auto
        actions: [top-up, reduce]
        assets:
          - token: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"
            max-per-action: 5000.5
            max-per-day: 20000
            min-wallet-balance: 100
        max-gas-price-gwei: 50
        min-native-balance: 0.05
        auto:
          horizon-minutes: 30
          confidence: 0.995
          measure: es
      """;

  private final StrategyLoader loader = new StrategyLoader();

  @Test
  void shouldParseBandsActionsAssetsAndTheAutoTargetWithoutALiquidationSection() {
    StrategyConfig c = loader.parse(HEAD + PROTECT, SOURCE);

    assertThat(c.liquidation()).isNull();
    StrategyConfig.Protect p = c.protect();
    assertThat(p.accounts()).hasSize(2);
    assertThat(p.accounts().get(0).min()).isEqualByComparingTo("1.3");
    assertThat(new BigDecimal(p.accounts().get(0).target())).isEqualByComparingTo("1.6");
    assertThat(p.accounts().get(0).max()).isEqualByComparingTo("3");
    assertThat(p.accounts().get(1).autoTarget()).isTrue();
    assertThat(p.actions()).containsExactly("top-up", "reduce");
    assertThat(p.assets().get(0).maxPerAction()).isEqualByComparingTo("5000.5");
    assertThat(p.auto().horizonMinutes()).isEqualTo(30L);
    assertThat(p.auto().confidence()).isEqualByComparingTo("0.995");
    assertThat(p.auto().measure()).isEqualTo("es");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "target: 1.6|target: 1.1|'protect.accounts[0].target' is below its min",
        "min: 1.3|min: 0.9|'protect.accounts[0].min' must be at least 1.0",
        "max: 3|max: 1.5|'protect.accounts[0].max' must be above its target",
        "target: auto|target: soon|'protect.accounts[1].target' must be a number or auto, not 'soon'",
        "[top-up, reduce]|[top-up, repay]|repay applies to aave-v3",
        "[top-up, reduce]|[top-up, sell]|'protect.actions' must be one of top-up, repay, reduce, not 'sell'",
        "[top-up, reduce]|[reduce, reduce]|'protect.actions' lists reduce twice",
        "confidence: 0.995|confidence: 1.5|'protect.auto.confidence' must be between 0.5 and 1",
        "measure: es|measure: cvar|'protect.auto.measure' must be one of var, es, not 'cvar'",
        "max-per-day: 20000|max-per-day: -1|'protect.assets[0].max-per-day' must not be negative",
        "90f79bf6eb2c4f870365e785982e1f101e93b906|3c44cdddb6a900fa2b585dd299e03d12fa4293bc|lists 0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc twice",
        "min-native-balance: 0.05|min-native-balanse: 0.05|unknown key 'protect.min-native-balanse'",
      })
  void shouldRejectABadProtectSectionInOneLine(String from, String to, String message) {
    String yaml = HEAD + PROTECT.replace(from, to);
    assertThatThrownBy(() -> loader.parse(yaml, SOURCE))
        .isInstanceOf(KeeperException.class)
        .hasMessageStartingWith(SOURCE + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void topUpsNeedAssetsToSpend() {
    String yaml = HEAD + PROTECT.substring(0, PROTECT.indexOf("  assets:")) + "  max-gas-price-gwei: 50\n";
    assertThatThrownBy(() -> loader.parse(yaml, SOURCE)).hasMessageContaining("'protect.assets' must list the tokens");
  }

  @Test
  void aLiquidationStrategyStillNeedsItsLiquidationSection() {
    assertThatThrownBy(() -> loader.parse(HEAD, SOURCE)).hasMessageContaining("missing key 'liquidation'");
  }
}
