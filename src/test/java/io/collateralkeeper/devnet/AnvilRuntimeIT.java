package io.collateralkeeper.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.ChainClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The Anvil the integration tests run: a container of the locally built image when Docker is there (CI requires it:
 * {@code KEEPER_REQUIRE_DOCKER=true}), else a child process; either way on 127.0.0.1, able to fork another local
 * node, and gone once closed.
 */
class AnvilRuntimeIT {
  @Test
  void shouldRunInContainersWhereDockerIsRequired() {
    if ("true".equals(System.getenv("KEEPER_REQUIRE_DOCKER"))) {
      assertThat(TestAnvil.containers()).as("Docker and %s present, but the tests run child processes", TestAnvil.IMAGE).isTrue();
    }
  }

  @Test
  void shouldServeAChainForkAnotherAndStopWhenClosed() {
    AnvilNode upstream = TestAnvil.runtime().start(AnvilOptions.devnet());
    AnvilNode fork;
    try (ChainClient up = ChainClient.http(upstream.rpcUrl(), Duration.ofSeconds(10))) {
      assertThat(upstream.rpcUrl()).startsWith("http://127.0.0.1:");
      up.rpc("evm_mine");
      up.rpc("evm_mine");
      fork = TestAnvil.runtime().start(AnvilOptions.devnet().withFork(upstream.rpcUrl(), 1L).withNoMining(true));
      try (ChainClient f = ChainClient.http(fork.rpcUrl(), Duration.ofSeconds(10))) {
        assertThat(f.chainId()).isEqualTo(31337);
        assertThat(f.blockNumber()).as("forked at block 1, not the head 2").isEqualTo(1);
        assertThat(f.block(1).getHash()).isEqualTo(up.block(1).getHash());
      } finally {
        fork.close();
      }
    } finally {
      upstream.close();
    }
    if (upstream instanceof ContainerAnvil c) {
      String id = c.containerId();
      boolean listed = DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
          .anyMatch(x -> x.getId().equals(id));
      assertThat(listed).as("container %s removed", id).isFalse();
    }
    try (ChainClient gone = ChainClient.http(upstream.rpcUrl(), Duration.ofSeconds(2))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(gone::chainId).isInstanceOf(io.collateralkeeper.chain.RpcException.class);
    }
  }
}
