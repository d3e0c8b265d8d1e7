package io.collateralkeeper.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulateV1Test {
  private static final Address FROM = Address.of("0x00000000000000000000000000000000000000f1");
  private static final Address TO = Address.of("0x00000000000000000000000000000000000000a2");

  @Test
  void oneBlockWhoseGasLimitHoldsEveryCall() {
    Map<String, Object> p =
        SimulateV1.payload(
            FROM, List.of(new CallRequest(TO, "0x01"), new CallRequest(TO, "0x02")),
            List.of(BigInteger.valueOf(100_000), BigInteger.valueOf(250_000)));
    assertThat(p.get("validation")).isEqualTo(false);
    Map<?, ?> block = (Map<?, ?>) ((List<?>) p.get("blockStateCalls")).get(0);
    assertThat(((Map<?, ?>) block.get("blockOverrides")).get("gasLimit")).isEqualTo("0x55730"); // 350,000
    List<?> calls = (List<?>) block.get("calls");
    assertThat(calls).hasSize(2);
    assertThat((Map<?, ?>) calls.get(1))
        .isEqualTo(Map.of("from", FROM.hex(), "to", TO.hex(), "input", "0x02", "gas", "0x3d090"));
  }

  @Test
  void refusesMismatchedOrNonPositiveGas() {
    assertThatThrownBy(() -> SimulateV1.payload(FROM, List.of(new CallRequest(TO, "0x")), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulateV1.payload(FROM, List.of(new CallRequest(TO, "0x")), List.of(BigInteger.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsSuccessRevertAndOutOfGas() {
    Object answer =
        List.of(
            Map.of(
                "number", "0x10",
                "calls",
                List.of(
                    Map.of("status", "0x1", "gasUsed", "0x5208", "returnData", "0x"),
                    Map.of("status", "0x0", "gasUsed", "0x6000", "returnData", "0x08c379a0",
                        "error", Map.of("code", 3, "message", "execution reverted:\n  too late")),
                    Map.of("status", "0x0", "gasUsed", "0x30d40", "error", Map.of("code", -32015, "message", "out of gas")))));
    List<SimulatedCall> r = SimulateV1.results(answer, 3);
    assertThat(r.get(0)).isEqualTo(new SimulatedCall(true, BigInteger.valueOf(21_000), null));
    assertThat(r.get(1)).isEqualTo(new SimulatedCall(false, BigInteger.valueOf(0x6000), "execution reverted: too late"));
    assertThat(r.get(2)).isEqualTo(new SimulatedCall(false, BigInteger.valueOf(200_000), "out of gas"));
  }

  @Test
  void refusesAnswersOfTheWrongShape() {
    assertThatThrownBy(() -> SimulateV1.results(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulateV1.results(List.of(Map.of("calls", List.of())), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulateV1.results(List.of(Map.of("calls", List.of(Map.of("status", "0x1")))), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulateV1.results("0x", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
