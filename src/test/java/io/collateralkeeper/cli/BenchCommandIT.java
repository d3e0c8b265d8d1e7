package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collateralkeeper.devnet.DevnetFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keeper bench} end to end on a small book: every figure is present and consistent with what was set up. */
class BenchCommandIT {
  @TempDir Path dir;

  @Test
  void benchMeasuresColdStartSteadyStateAndLatencyOnASmallBook() throws Exception {
    System.setProperty("keeper.home", DevnetFixture.projectDir().toString());
    Path json = dir.resolve("bench.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(out), new PrintWriter(err), "bench", "--accounts", "2000", "--liquidatable", "20",
            "--blocks", "3", "--changed", "30", "--rounds", "2", "--json", json.toString());
    // 0 when every target is met, 3 when one is missed (the daemon decides); never a usage error or a crash
    assertThat(code).as(err.toString()).isIn(0, 3);
    assertThat(out.toString()).contains("cold start", "steady state", "read-all", "latency", "targets");

    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.at("/setup/accounts").asInt()).isEqualTo(2000);
    assertThat(r.at("/setup/seedBlocks").asLong()).isPositive();

    JsonNode cold = r.get("coldStart");
    assertThat(cold.get("accountsTracked").asInt()).isEqualTo(2000);
    assertThat(cold.get("millis").asLong()).isPositive();
    assertThat(cold.get("httpRequests").asLong()).isPositive();
    assertThat(cold.get("calls").asLong()).isGreaterThanOrEqualTo(cold.get("httpRequests").asLong());
    assertThat(cold.at("/callsByMethod/eth_getLogs").asLong()).isPositive();
    assertThat(cold.at("/waitMillis/eth_getLogs").isNumber()).isTrue();
    assertThat(cold.get("heapUsedAfterGc").asLong()).isPositive().isLessThanOrEqualTo(cold.get("heapMax").asLong());
    assertThat(cold.get("heapPeak").asLong()).isGreaterThanOrEqualTo(cold.get("heapUsedAfterGc").asLong() / 2);
    assertThat(cold.get("rss").asLong()).isPositive();
    // 2,000 accounts fit in 512 MiB: the separate keeper process exits 0
    assertThat(cold.at("/heapCap/outcome").asText()).isEqualTo("exit 0");
    assertThat(cold.at("/heapCap/fits").asBoolean()).isTrue();
    assertThat(r.at("/targets/1/met").asBoolean()).isTrue();

    JsonNode steady = r.get("steadyState");
    assertThat(steady.get("blocks").asInt()).isEqualTo(3);
    assertThat(steady.get("changedPerBlock").asInt()).isEqualTo(30);
    assertThat(steady.get("callsPerBlock").asDouble()).isPositive();
    assertThat(steady.at("/callsByMethodPerBlock/eth_getLogs").asDouble()).isPositive();
    // the read-all keeper re-reads all 2,000 accounts at each head: at least 4 aggregate3 eth_calls of 500 reads
    JsonNode readAll = steady.get("readAll");
    assertThat(readAll.get("blocks").asInt()).isEqualTo(3);
    assertThat(readAll.get("accountsReadPerBlock").asDouble()).isEqualTo(2000.0);
    assertThat(readAll.get("callsPerBlock").asDouble()).isGreaterThanOrEqualTo(4);
    assertThat(steady.get("accountsReadPerBlock").asDouble()).isBetween(1.0, 2000.0);
    assertThat(steady.get("callsRatio").asDouble())
        .isCloseTo(steady.get("callsPerBlock").asDouble() / readAll.get("callsPerBlock").asDouble(),
            org.assertj.core.data.Offset.offset(1e-9));

    JsonNode latency = r.get("latency");
    assertThat(latency.get("rounds").asInt()).isEqualTo(2);
    assertThat(latency.get("onChainLiquidatable").asInt()).isEqualTo(20);
    assertThat(latency.get("liquidatablePerRound")).allSatisfy(n -> assertThat(n.asInt()).isEqualTo(20));
    assertThat(latency.get("sentPerRound")).allSatisfy(n -> assertThat(n.asInt()).isEqualTo(20));
    assertThat(latency.get("sendsCounted").asLong()).isEqualTo(40);
    double median = latency.get("medianMillis").asDouble();
    assertThat(median).isPositive().isLessThanOrEqualTo(latency.get("p99Millis").asDouble());
    assertThat(latency.get("p99Millis").asDouble()).isLessThanOrEqualTo(latency.get("maxMillis").asDouble());
    assertThat(latency.get("maxMillis").asDouble())
        .isLessThanOrEqualTo(latency.get("processHeadMillis").get(0).asDouble() + latency.get("processHeadMillis").get(1).asDouble());

    assertThat(latency.at("/waitMillisPerRound/eth_getBlockByNumber").isNumber()).isTrue();
    // one warm-up round by default, run like the others and reported apart
    JsonNode warmup = r.get("warmup");
    assertThat(warmup.get("rounds").asInt()).isEqualTo(1);
    assertThat(warmup.get("sentPerRound")).allSatisfy(n -> assertThat(n.asInt()).isEqualTo(20));
    assertThat(warmup.get("sendsCounted").asLong()).isEqualTo(20);
    assertThat(out.toString()).contains("warm-up (1 round(s) before, not counted)");
    assertThat(r.get("targets")).hasSize(6);
    assertThat(r.at("/targets/3/met").asBoolean()).as("every liquidatable account sent in every round").isTrue();
  }

  @Test
  void benchRejectsMoreLiquidatableThanAccounts() {
    StringWriter err = new StringWriter();
    int code =
        Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "bench", "--accounts", "10", "--liquidatable", "11");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--liquidatable must be between 1 and --accounts").doesNotContain("Exception");
  }
}
