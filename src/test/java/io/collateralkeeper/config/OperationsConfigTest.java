package io.collateralkeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strategy's {@code ops} and {@code oracle} sections: parsed with kebab-case keys, every bad value one line. */
class OperationsConfigTest {
  private static final String BASE =
      """
      chain:
        rpc-urls: ["http://127.0.0.1:8545"]
        chain-id: 31337
      protocol:
        type: reference-vault
        vault: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"
      liquidation:
        min-profit-usd: 1.00
      gas:
        max-fee-gwei: 200
        native-usd-feed: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"
      """;

  private static final String OPS =
      """
      ops:
        metrics-port: 9464
        webhook-url: "https://hooks.example.invalid/services/T000/B000/secret"
        webhook-format: telegram
        webhook-chat-id: "-100123"
        alert-min-interval-s: 600
        stale-head-s: 60
        wallet-floor-eth: 0.25
        missed-after-blocks: 5
        bundle-misses-alert: 4
      oracle:
        heartbeat-s: 3600
        heartbeats:
          "0xdc64a140aa3e981100a9beca4e685f962f0cf6c9": 86400
        max-deviation-bps: 150
        second-sources:
          "0x5fbdb2315678afecb367f032d93f642f64180aa3": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"
      """;

  private final StrategyLoader loader = new StrategyLoader();

  @Test
  void shouldParseOpsAndOracleSections() {
    StrategyConfig c = loader.parse(BASE + OPS, "s.yaml");
    assertThat(c.ops().metricsPort()).isEqualTo(9464L);
    assertThat(c.ops().webhookFormat()).isEqualTo("telegram");
    assertThat(c.ops().webhookChatId()).isEqualTo("-100123");
    assertThat(c.ops().alertMinIntervalS()).isEqualTo(600L);
    assertThat(c.ops().staleHeadS()).isEqualTo(60L);
    assertThat(c.ops().walletFloorEth()).isEqualByComparingTo(new BigDecimal("0.25"));
    assertThat(c.ops().missedAfterBlocks()).isEqualTo(5L);
    assertThat(c.ops().bundleMissesAlert()).isEqualTo(4L);
    assertThat(c.oracle().heartbeatS()).isEqualTo(3600L);
    assertThat(c.oracle().heartbeats()).containsEntry("0xdc64a140aa3e981100a9beca4e685f962f0cf6c9", 86_400L);
    assertThat(c.oracle().maxDeviationBps()).isEqualTo(150L);
    assertThat(c.oracle().secondSources()).hasSize(1);
  }

  @Test
  void shouldLeaveBothSectionsOptional() {
    StrategyConfig c = loader.parse(BASE, "s.yaml");
    assertThat(c.ops()).isNull();
    assertThat(c.oracle()).isNull();
  }

  @Test
  void shouldRefuseAnUnknownOpsKey() {
    assertThatThrownBy(() -> loader.parse(BASE + "ops:\n  metric-port: 1\n", "s.yaml"))
        .isInstanceOf(KeeperException.class)
        .hasMessageContaining("unknown key 'ops.metric-port'");
  }

  @Test
  void shouldNeverEchoTheWebhookUrl() {
    assertThatThrownBy(() -> loader.parse(BASE + "ops:\n  webhook-url: ftp://secret-token@x\n", "s.yaml"))
        .isInstanceOf(KeeperException.class)
        .hasMessageContaining("'ops.webhook-url' must be an http(s) URL")
        .hasMessageNotContaining("secret-token");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ops:\\n  metrics-port: 70000|'ops.metrics-port' must be between 0 and 65535",
        "ops:\\n  webhook-format: teams|'ops.webhook-format' must be one of",
        "ops:\\n  webhook-format: telegram|needs 'ops.webhook-chat-id'",
        "ops:\\n  stale-head-s: 0|'ops.stale-head-s' must be positive",
        "ops:\\n  alert-min-interval-s: -1|'ops.alert-min-interval-s' must not be negative",
        "ops:\\n  wallet-floor-eth: -1|'ops.wallet-floor-eth' must be a non-negative amount",
        "ops:\\n  missed-after-blocks: 0|'ops.missed-after-blocks' must be positive",
        "oracle:\\n  heartbeat-s: 0|'oracle.heartbeat-s' must be positive",
        "oracle:\\n  max-deviation-bps: 0|'oracle.max-deviation-bps' must be between 1 and 10000",
        "oracle:\\n  heartbeats:\\n    WETH: 60|'oracle.heartbeats' holds 'WETH', not an address",
        "oracle:\\n  heartbeats:\\n    \"0x5fbdb2315678afecb367f032d93f642f64180aa3\": 0|must be positive (seconds)",
        "oracle:\\n  second-sources:\\n    \"0x5fbdb2315678afecb367f032d93f642f64180aa3\": chainlink|not an address",
      })
  void shouldExplainEveryBadValueInOneLine(String yaml, String fragment) {
    assertThatThrownBy(() -> loader.parse(BASE + yaml.replace("\\n", "\n") + "\n", "s.yaml"))
        .isInstanceOf(KeeperException.class)
        .hasMessageStartingWith("s.yaml: ")
        .hasMessageContaining(fragment)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
