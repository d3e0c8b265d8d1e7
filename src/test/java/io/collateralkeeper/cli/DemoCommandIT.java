package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collateralkeeper.devnet.DevnetFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code keeper demo --json} end to end, on a smaller book than the default 1,000 accounts (CI runs the full one). */
class DemoCommandIT {
  @Test
  void demoLiquidatesEveryLiquidatableAccountWithoutRevertsAndReportsJson() throws Exception {
    System.setProperty("keeper.home", DevnetFixture.projectDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "demo", "--accounts", "150", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("accounts").asInt()).isEqualTo(150);
    assertThat(summary.get("priceSteps").asInt()).isGreaterThan(300);
    assertThat(summary.get("liquidatableEver").asInt()).isPositive();
    assertThat(summary.get("liquidated").asInt()).isEqualTo(summary.get("liquidatableEver").asInt());
    assertThat(summary.get("stillLiquidatable").asInt()).isZero();
    assertThat(summary.get("reverted").asInt()).isZero();
    assertThat(summary.get("profitUsd").decimalValue()).isPositive();
    assertThat(summary.get("ethLowUsd").decimalValue()).isEqualByComparingTo("2111.00");
  }

  @Test
  void demoOnTheBundleRouteLiquidatesEveryAccountThroughTheDevnetRelay() throws Exception {
    System.setProperty("keeper.home", DevnetFixture.projectDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(new PrintWriter(out), new PrintWriter(err), "demo", "--accounts", "60", "--route", "bundle", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("route").asText()).isEqualTo("bundles via the devnet relay");
    assertThat(summary.get("liquidatableEver").asInt()).isPositive();
    assertThat(summary.get("liquidated").asInt()).isEqualTo(summary.get("liquidatableEver").asInt());
    assertThat(summary.get("stillLiquidatable").asInt()).isZero();
    assertThat(summary.get("reverted").asInt()).isZero();
  }

  @Test
  void demoRejectsAnUnknownRoute() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--route", "carrier-pigeon");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--route must be public or bundle").doesNotContain("Exception");
  }
}
