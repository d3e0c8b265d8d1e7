package io.collateralkeeper.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.fuzz.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever bytes a strategy file holds, {@link StrategyLoader} returns a validated config or throws one
 * {@link KeeperException} line naming the file, never anything else. Fixed seeds: every run checks the same cases.
 */
class StrategyFuzzTest {
  private static final int CASES_PER_FILE = 1500;
  @TempDir Path tmp;

  @Test
  void shouldAnswerEveryMutatedStrategyWithAConfigOrOneLineNamingTheFile() throws IOException {
    int errors = 0;
    int accepted = 0;
    for (String name : List.of("devnet-vault.yaml", "aave-v3-mainnet.yaml")) {
      String original = Files.readString(DevnetFixture.projectDir().resolve("strategies").resolve(name));
      Mutations m = new Mutations(name.hashCode());
      for (int i = 0; i < CASES_PER_FILE; i++) {
        String yaml = m.mutate(original);
        try {
          StrategyConfig c = new StrategyLoader().parse(yaml, "fuzz.yaml");
          assertThat(c.chain().rpcUrls()).as(yaml).isNotEmpty();
          assertThat(c.protocol()).as(yaml).isNotNull();
          accepted++;
        } catch (KeeperException e) {
          assertOneLineNamingTheSource(e, yaml);
          errors++;
        } catch (RuntimeException | StackOverflowError e) {
          throw new AssertionError("case " + i + " of " + name + " crashed with " + e + " on:\n" + yaml, e);
        }
      }
    }
    // both outcomes occur: the mutations reach the validator, not just the YAML parser
    assertThat(errors).isGreaterThan(CASES_PER_FILE);
    assertThat(accepted).isPositive();
  }

  @Test
  void shouldRefuseHostileDocumentsWithOneLine() throws IOException {
    List<String> hostile =
        List.of(
            "a: &a [*a]", // recursive alias
            billionLaughs(),
            "[".repeat(5000) + "]".repeat(5000),
            "chain: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000),
            "chain: !!java.net.URL [http://127.0.0.1]",
            "\u0000\u0001\u0002",
            "---\n---\n---",
            "chain:\n  rpc-urls: [\"http://127.0.0.1:8545\"]\n  chain-id: 31337\n  chain-id: 1\n");
    for (String yaml : hostile) {
      try {
        new StrategyLoader().parse(yaml, "fuzz.yaml");
        throw new AssertionError("accepted: " + yaml.substring(0, Math.min(80, yaml.length())));
      } catch (KeeperException e) {
        assertOneLineNamingTheSource(e, yaml);
      }
    }
    Path big = tmp.resolve("big.yaml");
    Files.write(big, new byte[(1 << 20) + 1]);
    try {
      new StrategyLoader().load(big);
      throw new AssertionError("accepted a file over 1 MiB");
    } catch (KeeperException e) {
      assertThat(e.getMessage()).contains("larger than 1 MiB");
    }
  }

  private static String billionLaughs() {
    StringBuilder b = new StringBuilder("a0: &a0 [\"lol\"]\n");
    for (int i = 1; i < 30; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      b.append("]\n");
    }
    return b.toString();
  }

  private static void assertOneLineNamingTheSource(KeeperException e, String yaml) {
    assertThat(e.getMessage()).as(yaml).startsWith("fuzz.yaml").doesNotContain("\n").doesNotContain("\r");
    assertThat(e.getMessage().length()).as(yaml).isLessThan(4000);
  }
}
