package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keeper as a real process, signing with the example keystore, runs a full liquidation with DEBUG logging on every
 * logger into stdout, stderr and a log file, serves metrics and sends alerts to a local webhook; then every byte it
 * produced (both streams, the log file, the journal and its WAL, /metrics, /health, the webhook bodies, and a second
 * run with JSON logs) is scanned for the private key (hex with and without 0x, either case, decimal, raw bytes) and
 * the keystore password.
 */
class SecretLeakIT {
  private static final String KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  private static final Path KEYSTORE = DevnetFixture.projectDir().resolve("wallets.example/devnet-keeper.json");
  private static final Path PASSWORD_FILE = DevnetFixture.projectDir().resolve("wallets.example/devnet-keeper.password");

  private DevnetFixture fx;
  private HttpServer webhook;
  private final List<String> alerts = new CopyOnWriteArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeEach
  void start() throws IOException {
    fx = DevnetFixture.start();
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", ex -> {
      try (ex) {
        alerts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(200, -1);
      }
    });
    webhook.start();
  }

  @AfterEach
  void stop() {
    for (Process p : processes) p.destroyForcibly();
    webhook.stop(0);
    fx.close();
  }

  @Test
  void shouldNeverWriteTheKeyOrPasswordAnywhereDuringAFullLiquidation() throws Exception {
    String password = Files.readString(PASSWORD_FILE).strip();
    assertThat(password).isNotBlank();
    List<Address> accounts = Scenario.openLongs(fx, 6, 51, Scenario.health(102), Scenario.health(110));
    int metricsPort = freePort();
    Path strategy = strategy(metricsPort);
    Path journal = tmp.resolve("journal.db");
    Path logFile = tmp.resolve("keeper.log");
    Path logback = logbackConfig(logFile);

    Process keeper = launch(logback, "--debug", "run", "--strategy", strategy.toString(), "--keystore", KEYSTORE.toString(),
        "--password-file", PASSWORD_FILE.toString(), "--journal", journal.toString());
    Output out = Output.of(keeper);
    awaitOutput(out, "on chain 31337", keeper);
    fx.setPricesPct(85);
    Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> fx.liquidatableOnChain(accounts).isEmpty());
    awaitOutput(out, "liquidation included", keeper);
    String metrics = get(metricsPort, "/metrics");
    String health = get(metricsPort, "/health");
    keeper.destroy(); // SIGTERM: the shutdown hook runs
    assertThat(keeper.waitFor(30, TimeUnit.SECONDS)).isTrue();

    // a second run with JSON logs on the same journal
    Process json = launch(logback, "--debug", "--log-format", "json", "run", "--once", "--strategy", strategy.toString(),
        "--keystore", KEYSTORE.toString(), "--password-file", PASSWORD_FILE.toString(), "--journal", journal.toString());
    Output jsonOut = Output.of(json);
    assertThat(json.waitFor(60, TimeUnit.SECONDS)).isTrue();

    Map<String, byte[]> outputs = new LinkedHashMap<>();
    outputs.put("stdout", out.stdout());
    outputs.put("stderr", out.stderr());
    outputs.put("json stdout", jsonOut.stdout());
    outputs.put("json stderr", jsonOut.stderr());
    outputs.put("log file", Files.readAllBytes(logFile));
    outputs.put("/metrics", metrics.getBytes(StandardCharsets.UTF_8));
    outputs.put("/health", health.getBytes(StandardCharsets.UTF_8));
    outputs.put("webhook", String.join("\n", alerts).getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(tmp)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("journal.db")).toList()) {
        outputs.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }

    // the scan is not vacuous: debug lines, liquidations, metrics and the journal are all there
    String all = new String(outputs.get("stderr"), StandardCharsets.UTF_8) + new String(outputs.get("log file"), StandardCharsets.UTF_8);
    assertThat(all).contains("DEBUG").contains("liquidation submitted").contains("liquidation included");
    assertThat(new String(outputs.get("json stderr"), StandardCharsets.UTF_8)).contains("\"level\":\"DEBUG\"");
    assertThat(metrics).contains("keeper_");
    assertThat(outputs.keySet()).contains("journal.db");
    assertThat(alerts).as("the wallet-floor alert reached the webhook").isNotEmpty();
    for (var e : outputs.entrySet()) assertNoSecret(e.getKey(), e.getValue(), password);
    // the scan itself catches each rendering
    for (String leak : List.of("0x" + KEY.toUpperCase(Locale.ROOT), "key=" + KEY, new BigInteger(KEY, 16).toString(), "pw " + password)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> assertNoSecret("control", ("..." + leak + "...").getBytes(StandardCharsets.UTF_8), password))
          .isInstanceOf(AssertionError.class);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> assertNoSecret("control", HexFormat.of().parseHex("00" + KEY + "00"), password))
        .isInstanceOf(AssertionError.class);
  }

  private static void awaitOutput(Output out, String fragment, Process p) {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> out.text().contains(fragment) || !p.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // fall through to the assertion with the output
    }
    String text = out.text();
    assertThat(text).as("output: %s", text.substring(Math.max(0, text.length() - 3000))).contains(fragment);
  }

  private static void assertNoSecret(String where, byte[] bytes, String password) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String lower = text.toLowerCase(Locale.ROOT);
    assertThat(lower).as("%s: private key hex", where).doesNotContain(KEY).doesNotContain(KEY.substring(0, 24));
    assertThat(text).as("%s: private key decimal", where).doesNotContain(new BigInteger(KEY, 16).toString());
    assertThat(text).as("%s: keystore password", where).doesNotContain(password);
    byte[] raw = HexFormat.of().parseHex(KEY);
    assertThat(indexOf(bytes, raw)).as("%s: raw key bytes", where).isEqualTo(-1);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  /** DEBUG on every logger, to stdout, stderr (the appender the JSON switch replaces) and a file. */
  private Path logbackConfig(Path logFile) throws IOException {
    String xml =
        """
        <configuration>
          <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
            <target>System.err</target>
            <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level %%logger - %%msg%%n%%ex</pattern></encoder>
          </appender>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%%-5level %%logger - %%msg%%n%%ex</pattern></encoder>
          </appender>
          <appender name="FILE" class="ch.qos.logback.core.FileAppender">
            <file>%s</file>
            <encoder><pattern>%%-5level %%logger - %%msg%%n%%ex</pattern></encoder>
          </appender>
          <root level="DEBUG">
            <appender-ref ref="STDERR"/>
            <appender-ref ref="STDOUT"/>
            <appender-ref ref="FILE"/>
          </root>
        </configuration>
        """
            .formatted(logFile);
    return Files.writeString(tmp.resolve("logback-debug.xml"), xml);
  }

  private Process launch(Path logback, String... args) throws IOException {
    Path jar = DevnetFixture.projectDir().resolve("target/keeper.jar");
    assertThat(jar).exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dlogback.configurationFile=" + logback);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(DevnetFixture.projectDir().toFile()).start();
    processes.add(p);
    return p;
  }

  /** Both streams of a process, collected as they come. */
  private record Output(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    static Output of(Process p) {
      Output o = new Output(new ByteArrayOutputStream(), new ByteArrayOutputStream());
      pump(p.getInputStream(), o.out);
      pump(p.getErrorStream(), o.err);
      return o;
    }

    private static void pump(InputStream in, ByteArrayOutputStream to) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[8192];
        try (in) {
          for (int n; (n = in.read(buf)) > 0; ) {
            synchronized (to) {
              to.write(buf, 0, n);
            }
          }
        } catch (IOException ignored) {
          // process ended
        }
      });
      t.setDaemon(true);
      t.start();
    }

    byte[] stdout() {
      synchronized (out) {
        return out.toByteArray();
      }
    }

    byte[] stderr() {
      synchronized (err) {
        return err.toByteArray();
      }
    }

    String text() {
      return new String(stdout(), StandardCharsets.UTF_8) + new String(stderr(), StandardCharsets.UTF_8);
    }
  }

  private Path strategy(int metricsPort) throws IOException {
    String yaml =
        fx.vaultStrategyYaml(fx.anvil.rpcUrl())
            + """
        ops:
          metrics-port: %d
          webhook-url: "http://127.0.0.1:%d/hook"
          alert-min-interval-s: 1
          wallet-floor-eth: 100000
        """
                .formatted(metricsPort, webhook.getAddress().getPort());
    return Files.writeString(tmp.resolve("strategy.yaml"), yaml);
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

}
