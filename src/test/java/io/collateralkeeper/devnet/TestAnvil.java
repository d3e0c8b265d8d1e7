package io.collateralkeeper.devnet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * How the integration tests run Anvil: as Testcontainers containers of the locally built image {@value #IMAGE} when a
 * Docker engine is present and the image is built ({@code scripts/docker-build.sh anvil}; {@code .ci/run} does both),
 * else as child processes. {@code -Dkeeper.anvil=process} or {@code =container} forces one (container fails when
 * Docker or the image is missing).
 */
public final class TestAnvil {
  /** The image docker/anvil builds. */
  public static final String IMAGE = "collateral-keeper/anvil:local";

  private static final Logger LOG = LoggerFactory.getLogger(TestAnvil.class);
  private static volatile AnvilRuntime chosen;

  private TestAnvil() {}

  /** The runtime for this test run (decided once). */
  public static AnvilRuntime runtime() {
    AnvilRuntime r = chosen;
    if (r == null) {
      synchronized (TestAnvil.class) {
        if (chosen == null) chosen = decide();
        r = chosen;
      }
    }
    return r;
  }

  /** True when the tests run Anvil in containers. */
  public static boolean containers() {
    return !(runtime() instanceof ProcessRuntime);
  }

  private static AnvilRuntime decide() {
    String mode = System.getProperty("keeper.anvil", "auto");
    AnvilRuntime process = new ProcessRuntime();
    if (mode.equals("process")) return process;
    String why = dockerProblem();
    if (why == null) {
      LOG.info("integration tests run Anvil in containers of {}", IMAGE);
      return ContainerAnvil::start;
    }
    if (mode.equals("container")) throw new IllegalStateException("-Dkeeper.anvil=container, but " + why);
    LOG.info("integration tests run Anvil as child processes ({})", why);
    return process;
  }

  /** Null when containers can run, else why not. */
  private static String dockerProblem() {
    try {
      if (!DockerClientFactory.instance().isDockerAvailable()) return "no Docker engine";
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
      return null;
    } catch (RuntimeException e) {
      return "image " + IMAGE + " not built (scripts/docker-build.sh anvil): " + e.getClass().getSimpleName();
    }
  }

  /** Child processes of the project's Anvil binary. */
  private static final class ProcessRuntime implements AnvilRuntime {
    private final AnvilRuntime delegate = AnvilRuntime.process(DevnetFixture.projectDir());

    @Override
    public AnvilNode start(AnvilOptions options) {
      return delegate.start(options);
    }
  }
}
