package io.collateralkeeper.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every strategy file shipped in strategies/ parses and validates. */
class ShippedStrategiesTest {
  static Stream<Path> shipped() throws IOException {
    return Files.list(Path.of("strategies")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void loads(Path file) {
    StrategyConfig c = new StrategyLoader().load(file);
    assertThat(c.chain().chainId()).isPositive();
    assertThat(c.protocol()).isNotNull();
  }
}
