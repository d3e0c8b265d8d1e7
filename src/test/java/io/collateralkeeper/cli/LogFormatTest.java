package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --log-format json} (tests log at WARN, see logback-test.xml): one JSON object per line with the operator event's named fields as keys. */
class LogFormatTest {
  private final PrintStream realErr = System.err;

  @AfterEach
  void restore() {
    LogFormat.TEXT.apply();
    System.setErr(realErr);
  }

  @Test
  void shouldWriteNamedFieldsAsJsonKeysAndSwitchBackToText() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LogFormat.JSON.apply();
    LoggerFactory.getLogger("io.collateralkeeper.daemon.KeeperDaemon").atWarn()
        .addKeyValue("event", "liquidation_included").addKeyValue("account", "0xabc").addKeyValue("tx", "0x01")
        .log("liquidation included: account {} tx {}", "0xabc", "0x01");
    LogFormat.TEXT.apply();
    LoggerFactory.getLogger("io.collateralkeeper.daemon.KeeperDaemon").warn("back to text");

    String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
    JsonNode event = new ObjectMapper().readTree(lines[0]);
    assertThat(event.get("event").asText()).isEqualTo("liquidation_included");
    assertThat(event.get("account").asText()).isEqualTo("0xabc");
    assertThat(event.get("tx").asText()).isEqualTo("0x01");
    assertThat(event.get("message").asText()).isEqualTo("liquidation included: account 0xabc tx 0x01");
    assertThat(event.get("level").asText()).isEqualTo("WARN");
    assertThat(event.has("@timestamp")).isTrue();
    assertThat(lines[1]).contains("WARN  KeeperDaemon - back to text").doesNotStartWith("{");
  }
}
