package io.collateralkeeper.chain;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class JsonRpcMethodsTest {
  @Test
  void shouldNameTheMethodOfASingleRequest() {
    assertThat(JsonRpcMethods.of("{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\",\"params\":[],\"id\":1}"))
        .containsExactly("eth_blockNumber");
  }

  @Test
  void shouldNameEveryMethodOfABatchInOrderSkippingNestedMethodFields() {
    String batch =
        "[{\"id\":1,\"params\":[{\"method\":\"not-this\",\"to\":\"0x1\"},\"latest\"],\"method\":\"eth_call\"},"
            + "{\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x02\"]},"
            + "{\"method\":\"eth_call\",\"params\":{\"nested\":[1,2,{\"method\":\"x\"}]}}]";
    assertThat(JsonRpcMethods.of(batch)).containsExactly("eth_call", "eth_sendRawTransaction", "eth_call");
  }

  @Test
  void shouldReadAnOkHttpBody() {
    RequestBody body =
        RequestBody.create("{\"method\":\"eth_getLogs\",\"params\":[]}", MediaType.get("application/json"));
    assertThat(JsonRpcMethods.of(body)).containsExactly("eth_getLogs");
    assertThat(JsonRpcMethods.of((RequestBody) null)).isEmpty();
  }

  @Test
  void shouldKeepWhatWasReadBeforeMalformedJson() {
    assertThat(JsonRpcMethods.of("[{\"method\":\"a\"},{\"method\":")).containsExactly("a");
    assertThat(JsonRpcMethods.of("not json")).isEmpty();
    assertThat(JsonRpcMethods.of("{\"method\":7}")).isEmpty();
  }
}
