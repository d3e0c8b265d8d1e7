package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.Heartbeat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCommandTest {
  @TempDir Path dir;

  @Test
  void shouldBeHealthyWhileTheHeartbeatIsFreshAndUnhealthyAfter() {
    Path file = dir.resolve("beat");
    new Heartbeat(file, Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC))
        .onBlock(new BlockReport(42, 0, Set.of(), List.of(), List.of(), List.of()));

    assertThat(health(file, 1_060)).isEqualTo("0 healthy: head 42 processed 60 s ago");
    assertThat(health(file, 1_121)).isEqualTo("1 unhealthy: last head 42 processed 121 s ago (max 120 s)");
    assertThat(Files.exists(dir.resolve("beat.tmp"))).isFalse();
  }

  @Test
  void shouldBeUnhealthyWithoutAReadableHeartbeat() throws Exception {
    assertThat(health(dir.resolve("missing"), 0)).startsWith("1 unhealthy: ");
    Files.writeString(dir.resolve("garbage"), "hello");
    assertThat(health(dir.resolve("garbage"), 0)).startsWith("1 unhealthy: not a heartbeat file");
  }

  private static String health(Path file, long nowSeconds) {
    HealthCommand cmd = new HealthCommand();
    cmd.clock = Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC);
    var cl = new picocli.CommandLine(cmd);
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--heartbeat-file", file.toString());
    return code + " " + out.toString().strip();
  }

  @Test
  void shouldAskTheOperationsEndpointWhenGivenItsUrl() throws Exception {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    int[] status = {200};
    server.createContext("/health", ex -> {
      byte[] body = (status[0] == 200 ? "{\"status\":\"ok\"}" : "{\"status\":\"unhealthy\"}").getBytes();
      ex.sendResponseHeaders(status[0], body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
      assertThat(run("--url", url)).isEqualTo("0 healthy: {\"status\":\"ok\"}");
      status[0] = 503;
      assertThat(run("--url", url)).isEqualTo("1 unhealthy: HTTP 503 {\"status\":\"unhealthy\"}");
    } finally {
      server.stop(0);
    }
    assertThat(run("--url", "http://127.0.0.1:9/health")).startsWith("1 unhealthy: http://127.0.0.1:9/health does not answer");
  }

  private static String run(String... args) {
    HealthCommand cmd = new HealthCommand();
    var cl = new picocli.CommandLine(cmd);
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute(args);
    return code + " " + out.toString().strip();
  }
}
