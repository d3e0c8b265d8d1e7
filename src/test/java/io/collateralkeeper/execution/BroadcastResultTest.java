package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.RpcException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Node answers to eth_sendRawTransaction, by class. */
class BroadcastResultTest {
  static SendStatus classify(String nodeMessage) {
    return BroadcastResult.classify(new RpcException("http://127.0.0.1:1: eth_sendRawTransaction failed: " + nodeMessage))
        .status();
  }

  @Test
  void shouldTreatAlreadyKnownAsAccepted() {
    assertThat(classify("already known")).isEqualTo(SendStatus.ACCEPTED);
    assertThat(classify("transaction already imported")).isEqualTo(SendStatus.ACCEPTED);
  }

  @Test
  void shouldRecogniseNonceTooLowAndUnderpriced() {
    assertThat(classify("nonce too low: next nonce 5, tx nonce 3")).isEqualTo(SendStatus.NONCE_TOO_LOW);
    assertThat(classify("Nonce too low")).isEqualTo(SendStatus.NONCE_TOO_LOW);
    assertThat(classify("replacement transaction underpriced")).isEqualTo(SendStatus.UNDERPRICED);
    assertThat(classify("transaction underpriced")).isEqualTo(SendStatus.UNDERPRICED);
  }

  @Test
  void shouldTreatOtherNodeErrorsAsRejected() {
    BroadcastResult r =
        BroadcastResult.classify(
            new RpcException("http://127.0.0.1:1: eth_sendRawTransaction failed: insufficient funds for gas * price + value"));

    assertThat(r.status()).isEqualTo(SendStatus.REJECTED);
    assertThat(r.message()).endsWith("insufficient funds for gas * price + value");
  }

  @Test
  void shouldTreatATransportFailureAsUnreachable() {
    RpcException e = new RpcException("RPC http://127.0.0.1:1 unreachable (eth_sendRawTransaction): timeout",
        new IOException("timeout"));

    assertThat(BroadcastResult.classify(e).status()).isEqualTo(SendStatus.UNREACHABLE);
  }
}
