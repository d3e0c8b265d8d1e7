package io.collateralkeeper.cli;

import io.collateralkeeper.daemon.Heartbeat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keeper health}: exit 0 when a {@code keeper run} wrote its heartbeat file recently (or, with {@code --url},
 * when its operations endpoint's {@code /health} answers 200), 1 otherwise (Docker's HEALTHCHECK contract: 0 healthy,
 * 1 unhealthy).
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Check that `keeper run` processed a head recently (for container health checks): exit 0 or 1.")
public final class HealthCommand implements Callable<Integer> {
  /** Docker's exit code for unhealthy. */
  static final int UNHEALTHY = 1;

  @Spec CommandSpec spec;

  @Option(names = "--heartbeat-file", paramLabel = "FILE", description = "The file keeper run writes (default: $KEEPER_HEARTBEAT_FILE).")
  Path file;

  @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "120", description = "Oldest acceptable heartbeat (default: ${DEFAULT-VALUE}).")
  long maxAgeSeconds;

  @Option(names = "--url", paramLabel = "URL", description = "Ask the operations endpoint instead, e.g. http://127.0.0.1:9464/health (200 = healthy).")
  String url;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (url != null) return endpoint(out);
    Path f = file != null ? file : RunCommand.heartbeatFromEnv();
    if (f == null) {
      out.println("unhealthy: no heartbeat file (give --heartbeat-file or KEEPER_HEARTBEAT_FILE)");
      return UNHEALTHY;
    }
    try {
      Heartbeat.Beat b = Heartbeat.read(f);
      long age = (clock.millis() - b.epochMillis()) / 1000;
      if (age > maxAgeSeconds) {
        out.println("unhealthy: last head " + b.block() + " processed " + age + " s ago (max " + maxAgeSeconds + " s)");
        return UNHEALTHY;
      }
      out.println("healthy: head " + b.block() + " processed " + age + " s ago");
      return ExitCodes.OK;
    } catch (java.nio.file.NoSuchFileException e) {
      out.println("unhealthy: no heartbeat yet in " + f);
      return UNHEALTHY;
    } catch (IOException e) {
      out.println("unhealthy: " + e.getMessage());
      return UNHEALTHY;
    } finally {
      out.flush();
    }
  }

  private int endpoint(java.io.PrintWriter out) {
    okhttp3.OkHttpClient http =
        new okhttp3.OkHttpClient.Builder().callTimeout(java.time.Duration.ofSeconds(10)).build();
    try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(url).get().build()).execute()) {
      String body = r.body() == null ? "" : r.body().string().strip();
      out.println((r.code() == 200 ? "healthy: " : "unhealthy: HTTP " + r.code() + " ") + body);
      return r.code() == 200 ? ExitCodes.OK : UNHEALTHY;
    } catch (IOException | IllegalArgumentException e) {
      out.println("unhealthy: " + url + " does not answer: " + e.getMessage());
      return UNHEALTHY;
    } finally {
      out.flush();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
