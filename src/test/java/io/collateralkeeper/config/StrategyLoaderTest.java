package io.collateralkeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading strategy files: a valid file parses; every problem is one KeeperException line naming file and key. */
class StrategyLoaderTest {

  private static final String SOURCE = "strategies/devnet.yaml";

  private static final String VALID =
      """
      chain:
        rpc-urls: ["http://127.0.0.1:8545"]
        chain-id: 31337
        poll-interval-ms: 200
      protocol:
        type: reference-vault
        vault: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"
        multicall: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
        start-block: 0
      wallet:
        keystore: wallets/keeper.json
        password-file: wallets/keeper.password
      liquidation:
        min-profit-usd: 1.00
        target-health: 1.02
      gas:
        max-fee-gwei: 200
        min-priority-fee-gwei: 2
        native-usd-feed: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"
      """;

  private final StrategyLoader loader = new StrategyLoader();

  @TempDir Path tmp;

  // ------------------------------------------------------------------ the happy path

  @Test
  void shouldParseACompleteStrategyWithKebabCaseKeys() {
    StrategyConfig c = loader.parse(VALID, SOURCE);

    assertThat(c.chain().rpcUrls()).containsExactly("http://127.0.0.1:8545");
    assertThat(c.chain().chainId()).isEqualTo(31337L);
    assertThat(c.chain().pollIntervalMs()).isEqualTo(200L);
    assertThat(c.chain().rpcTimeoutMs()).isNull();
    assertThat(c.protocol()).isInstanceOf(StrategyConfig.ReferenceVault.class);
    StrategyConfig.ReferenceVault v = (StrategyConfig.ReferenceVault) c.protocol();
    assertThat(v.vault()).isEqualTo("0x5FC8d32690cc91D4c39d9d3abcBD16989F875707");
    assertThat(v.multicall()).isEqualTo("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    assertThat(v.startBlock()).isZero();
    assertThat(c.wallet().keystore()).isEqualTo("wallets/keeper.json");
    assertThat(c.wallet().passwordFile()).isEqualTo("wallets/keeper.password");
    assertThat(c.liquidation().minProfitUsd()).isEqualByComparingTo("1.00");
    assertThat(c.liquidation().targetHealth()).isEqualTo(new BigDecimal("1.02"));
    assertThat(c.gas().maxFeeGwei()).isEqualByComparingTo("200");
    assertThat(c.gas().minPriorityFeeGwei()).isEqualByComparingTo("2");
    assertThat(c.gas().nativeUsdFeed()).isEqualTo("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
  }

  @Test
  void shouldLoadAValidStrategyFromAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("devnet.yaml"), VALID);

    assertThat(loader.load(file).chain().chainId()).isEqualTo(31337L);
  }

  @Test
  void shouldAcceptAStrategyWithoutWalletSection() {
    StrategyConfig c = loader.parse(without(VALID, "wallet:", "keystore:", "password-file:"), SOURCE);

    assertThat(c.wallet()).isNull();
  }

  // ------------------------------------------------------------------ unknown keys

  @Test
  void shouldRejectAnUnknownNestedKeyNamingSourceAndKeyPath() {
    String yaml = VALID.replace("rpc-urls:", "rpc-url:");

    assertRejected(yaml)
        .hasMessageContaining(SOURCE)
        .hasMessageContaining("unknown key 'chain.rpc-url'")
        .hasMessageContaining("rpc-urls");
  }

  @Test
  void shouldRejectAnUnknownTopLevelKey() {
    String yaml = VALID + "oracles:\n  heartbeat: 3600\n";

    assertRejected(yaml).hasMessageContaining(SOURCE).hasMessageContaining("unknown key 'oracles'");
  }

  @Test
  void shouldRejectAnUnknownKeyInsideTheProtocolSection() {
    String yaml = VALID.replace("start-block: 0", "start-block: 0\n  pool: \"0x01\"");

    assertRejected(yaml).hasMessageContaining(SOURCE).hasMessageContaining("'protocol.pool'");
  }

  // ------------------------------------------------------------------ missing or malformed values

  @Test
  void shouldRequireTheChainId() {
    assertRejected(without(VALID, "chain-id:"))
        .hasMessage(SOURCE + ": missing key 'chain.chain-id'");
  }

  @Test
  void shouldRejectANonNumericChainIdNamingTheKey() {
    assertRejected(VALID.replace("chain-id: 31337", "chain-id: abc"))
        .hasMessageStartingWith(SOURCE + ": invalid value at 'chain.chain-id'")
        .hasMessageContaining("abc");
  }

  @Test
  void shouldRejectAnUnknownProtocolType() {
    assertRejected(VALID.replace("type: reference-vault", "type: compound-v9"))
        .hasMessageContaining(SOURCE)
        .hasMessageContaining("unknown protocol type 'compound-v9'")
        .hasMessageContaining("reference-vault, aave-v3");
  }

  private static final String AAVE_PROTOCOL =
      """
      protocol:
        type: aave-v3
        addresses-provider: "0x2f39d218133AFaB8F2B819B1066c7E434Ad94E9e"
        start-block: 16291127
        funding: flash-loan
        executor: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
        dex-router: "0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D"
      """;

  private static String withAave(String protocol) {
    int start = VALID.indexOf("protocol:");
    int end = VALID.indexOf("wallet:");
    return VALID.substring(0, start) + protocol.stripIndent() + VALID.substring(end);
  }

  @Test
  void shouldParseAnAaveV3Protocol() {
    StrategyConfig c = loader.parse(withAave(AAVE_PROTOCOL), SOURCE);

    StrategyConfig.AaveV3 a = (StrategyConfig.AaveV3) c.protocol();
    assertThat(a.addressesProvider()).isEqualTo("0x2f39d218133AFaB8F2B819B1066c7E434Ad94E9e");
    assertThat(a.startBlock()).isEqualTo(16291127L);
    assertThat(a.flashLoan()).isTrue();
    assertThat(a.receiveAToken()).isNull();
  }

  @Test
  void shouldRequireAnExecutorForFlashLoanFunding() {
    assertRejected(withAave(AAVE_PROTOCOL.replace("  executor: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"\n", "")))
        .hasMessage(SOURCE + ": missing key 'protocol.executor'");
  }

  @Test
  void shouldRejectAnUnknownFundingMode() {
    assertRejected(withAave(AAVE_PROTOCOL.replace("funding: flash-loan", "funding: credit")))
        .hasMessage(SOURCE + ": 'protocol.funding' must be one of inventory, flash-loan, not 'credit'");
  }

  @Test
  void shouldParseTheBidPolicyAndABundleRoute() {
    String yaml =
        VALID.replace(
                "  min-priority-fee-gwei: 2\n",
                "  min-priority-fee-gwei: 2\n  max-priority-fee-gwei: 50\n  bid-share-bps: 9000\n"
                    + "  fee-history-blocks: 20\n  fee-history-percentile: 60\n  blocks-ahead: 2\n"
                    + "  min-margin-bps: 500\n  replace-after-blocks: 4\n")
            + "route:\n  mode: bundle\n  relays: [\"http://127.0.0.1:9000\"]\njournal: data/keeper.db\n";
    StrategyConfig c = loader.parse(yaml, SOURCE);

    assertThat(c.gas().maxPriorityFeeGwei()).isEqualByComparingTo("50");
    assertThat(c.gas().bidShareBps()).isEqualTo(9000L);
    assertThat(c.gas().feeHistoryBlocks()).isEqualTo(20L);
    assertThat(c.gas().feeHistoryPercentile()).isEqualTo(60L);
    assertThat(c.gas().blocksAhead()).isEqualTo(2L);
    assertThat(c.gas().minMarginBps()).isEqualTo(500L);
    assertThat(c.gas().replaceAfterBlocks()).isEqualTo(4L);
    assertThat(c.route().bundle()).isTrue();
    assertThat(c.route().relays()).containsExactly("http://127.0.0.1:9000");
    assertThat(c.journal()).isEqualTo("data/keeper.db");
  }

  @Test
  void shouldRejectABundleRouteWithoutRelays() {
    assertRejected(VALID + "route:\n  mode: bundle\n")
        .hasMessage(SOURCE + ": route.mode is bundle but 'route.relays' lists no relay URL");
  }

  @Test
  void shouldRejectACoinbasePaymentWithoutAnExecutorThatPays() {
    assertRejected(VALID + "route:\n  mode: bundle\n  relays: [\"http://127.0.0.1:9000\"]\n  payment: coinbase\n")
        .hasMessage(SOURCE + ": 'route.payment: coinbase' needs route.mode bundle and an executor that pays (protocol"
            + " aave-v3 with funding flash-loan)");
    assertRejected(VALID + "route:\n  mode: bundle\n  relays: [\"http://127.0.0.1:9000\"]\n  payment: bribe\n")
        .hasMessageContaining("'route.payment' must be one of priority-fee, coinbase, not 'bribe'");
  }

  @Test
  void shouldRejectABidShareAboveOneHundredPercent() {
    assertRejected(VALID.replace("  min-priority-fee-gwei: 2\n", "  min-priority-fee-gwei: 2\n  bid-share-bps: 12000\n"))
        .hasMessage(SOURCE + ": 'gas.bid-share-bps' must be between 0 and 10000 (basis points)");
  }

  @Test
  void shouldRejectATipFloorAboveTheTipCap() {
    assertRejected(
            VALID.replace("  min-priority-fee-gwei: 2\n", "  min-priority-fee-gwei: 2\n  max-priority-fee-gwei: 1\n"))
        .hasMessage(SOURCE + ": 'gas.min-priority-fee-gwei' exceeds gas.max-priority-fee-gwei");
  }

  @Test
  void shouldReportAMissingProtocolTypeAsAMissingKey() {
    assertRejected(without(VALID, "type: reference-vault"))
        .hasMessageContaining(SOURCE)
        .hasMessageContaining("'protocol.type'")
        .hasMessageNotContaining("'null'");
  }

  @Test
  void shouldRejectAVaultThatIsNotAnAddress() {
    assertRejected(VALID.replace("0x5FC8d32690cc91D4c39d9d3abcBD16989F875707", "0x5FC8d32690cc91D4c39d9d3abcBD16989F87570"))
        .hasMessageContaining(SOURCE)
        .hasMessageContaining("'protocol.vault' is not an address");
  }

  @Test
  void shouldRejectANativeUsdFeedThatIsNotHex() {
    assertRejected(VALID.replace("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6eZ"))
        .hasMessageContaining("'gas.native-usd-feed' is not an address");
  }

  @Test
  void shouldRejectANegativeMinimumProfit() {
    assertRejected(VALID.replace("min-profit-usd: 1.00", "min-profit-usd: -0.01"))
        .hasMessage(SOURCE + ": 'liquidation.min-profit-usd' must not be negative");
  }

  @Test
  void shouldAcceptAZeroMinimumProfit() {
    assertThat(loader.parse(VALID.replace("min-profit-usd: 1.00", "min-profit-usd: 0"), SOURCE)
            .liquidation().minProfitUsd())
        .isZero();
  }

  @Test
  void shouldRejectATargetHealthBelowOne() {
    assertRejected(VALID.replace("target-health: 1.02", "target-health: 0.99"))
        .hasMessage(SOURCE + ": 'liquidation.target-health' must be at least 1.0");
  }

  @Test
  void shouldAcceptATargetHealthOfExactlyOne() {
    assertThat(loader.parse(VALID.replace("target-health: 1.02", "target-health: 1.0"), SOURCE)
            .liquidation().targetHealth())
        .isEqualByComparingTo("1");
  }

  @Test
  void shouldRejectANonHttpRpcUrl() {
    assertRejected(VALID.replace("http://127.0.0.1:8545", "ws://127.0.0.1:8545"))
        .hasMessageContaining("'chain.rpc-urls'")
        .hasMessageContaining("ws://127.0.0.1:8545");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "\"0x5FC8d32690cc91D4c39d9d3abcBD16989F875707\"|\"0xZZ\\nnot-an-address\"|'protocol.vault'",
        "\"http://127.0.0.1:8545\"|\"ftp://host\\r\\nX-Injected: 1\"|'chain.rpc-urls'",
        "type: reference-vault|type: \"aave\\nv3\"|unknown protocol type",
        "chain-id: 31337|chain-id: 31337\n  \"rpc\\nurl\": 1|unknown key 'chain.rpc"
      })
  void shouldKeepAnEchoedUserValueWithALineBreakOnOneLine(String edit) {
    // a double-quoted YAML scalar (value or key) can carry a real line break into the echoed text
    String[] parts = edit.split("\\|");
    String yaml = VALID.replace(parts[0], parts[1]);
    assertThat(yaml).as("fixture edit").isNotEqualTo(VALID);

    assertRejected(yaml).hasMessageStartingWith(SOURCE + ": ").hasMessageContaining(parts[2]);
  }

  // ------------------------------------------------------------------ not a strategy at all

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\n", "# only a comment\n"})
  void shouldSayAnEmptyFileIsEmpty(String text) throws IOException {
    Path file = Files.writeString(tmp.resolve("empty.yaml"), text);

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(KeeperException.class)
        .hasMessage(file + ": the strategy file is empty");
  }

  @Test
  void shouldRejectGarbageThatIsNotYaml() {
    assertRejected("chain: {rpc-urls: [\"http://x\"\nchain-id: 1 ::: ]]]}}\n\t- @@@")
        .hasMessageStartingWith(SOURCE + ": ");
  }

  @Test
  void shouldRejectBinaryGarbageFromAFile() throws IOException {
    Path file = Files.write(tmp.resolve("garbage.yaml"), new byte[] {0x7b, 0x5b, 0x3a, 0x0a, 0x09, 0x22, 0x27, 0x40});

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(KeeperException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldRejectAScalarDocument() {
    assertRejected("just some words\n").hasMessageStartingWith(SOURCE + ": ");
  }

  @Test
  void shouldReportAMissingFile() {
    Path missing = tmp.resolve("nope.yaml");

    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(KeeperException.class)
        .hasMessage("strategy file not found: " + missing);
  }

  // ------------------------------------------------------------------ property: mutations never escape

  @Test
  void shouldAnswerEveryMutatedStrategyWithAConfigOrAOneLineKeeperException() {
    Random random = new Random(20240805L);
    List<String> escapes = new ArrayList<>();
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < 500; i++) {
      String yaml = mutate(VALID, random);
      try {
        assertThat(loader.parse(yaml, SOURCE)).isNotNull();
        parsed++;
      } catch (KeeperException e) {
        rejected++;
        if (e.getMessage() == null || e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
          escapes.add("#" + i + " multi-line message: " + e.getMessage() + "\n--- input:\n" + yaml);
        } else if (!e.getMessage().startsWith(SOURCE + ": ")) {
          escapes.add("#" + i + " message does not name the source: " + e.getMessage());
        }
      } catch (RuntimeException | AssertionError e) {
        escapes.add("#" + i + " " + e + "\n--- input:\n" + yaml);
      }
    }

    assertThat(escapes).as("mutations that escaped the KeeperException contract").isEmpty();
    // the generator is useful only if it produces both outcomes
    assertThat(parsed).isPositive();
    assertThat(rejected).isPositive();
  }

  private static final String YAML_SPECIALS = ":-[]{}\"',#&*!|>%@` \t\n?";

  /** Applies one to three random edits: delete, duplicate, swap adjacent, insert a YAML special, or truncate. */
  private static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !s.isEmpty(); e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, s.charAt(at));
        case 2 -> {
          if (at + 1 < s.length()) {
            char c = s.charAt(at);
            s.setCharAt(at, s.charAt(at + 1));
            s.setCharAt(at + 1, c);
          }
        }
        case 3 -> s.insert(at, YAML_SPECIALS.charAt(random.nextInt(YAML_SPECIALS.length())));
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }

  // ------------------------------------------------------------------ helpers

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String yaml) {
    return assertThatThrownBy(() -> loader.parse(yaml, SOURCE))
        .isInstanceOf(KeeperException.class)
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("\r");
  }

  /** The YAML without the lines that (after trimming) start with any of the prefixes. */
  private static String without(String yaml, String... prefixes) {
    StringBuilder out = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      boolean drop = false;
      for (String p : prefixes) drop |= line.strip().startsWith(p);
      if (!drop) out.append(line).append('\n');
    }
    String result = out.toString();
    assertThat(result).as("fixture edit").isNotEqualTo(yaml);
    return result;
  }

  @Test
  void shouldReadTheFileAsUtf8() throws IOException {
    // a non-ASCII comment must not disturb parsing
    Path file = Files.writeString(tmp.resolve("utf8.yaml"), "# Überwachung – keeper\n" + VALID, StandardCharsets.UTF_8);

    assertThat(loader.load(file).chain().chainId()).isEqualTo(31337L);
  }
}
