package io.collateralkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapCheckTest {
  @Test
  void shouldNameAnOutOfMemoryErrorWhereverItIsPrinted() {
    String out = "keeper on chain 31337\nException in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n\tat x\n";
    assertThat(HeapCheck.outcome(1, out)).isEqualTo("OutOfMemoryError");
  }

  @Test
  void shouldNameTheFirstKeeperFrameOfTheOutOfMemoryError() {
    String out =
        "java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)\n"
            + "\tat io.collateralkeeper.chain.EndpointService.checkJsonRpc(EndpointService.java:151)\n"
            + "\tat io.collateralkeeper.chain.EndpointService.exchange(EndpointService.java:80)\n";
    assertThat(HeapCheck.outcome(1, out)).isEqualTo("OutOfMemoryError chain.EndpointService.checkJsonRpc(EndpointService.java:151)");
  }

  @Test
  void shouldGiveTheExitCodeAndLastLineOfAnyOtherFailure() {
    assertThat(HeapCheck.outcome(2, "starting\nerror: journal locked\n")).isEqualTo("exit 2: error: journal locked");
    assertThat(HeapCheck.outcome(137, "")).isEqualTo("exit 137");
  }
}
