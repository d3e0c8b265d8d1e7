package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.utils.Numeric;

class ImpersonatedEnvelopeTest {
  // Captured from Anvil 1.7.1: eth_sendTransaction from the impersonated 0x1111.. (chain 31337, nonce 0, tip 1 gwei,
  // max fee 2 gwei, 21000 gas, 1 wei to 0x2222..), then eth_getRawTransactionByHash of the hash it answered.
  private static final Address SENDER = Address.of("0x1111111111111111111111111111111111111111");
  private static final String ANVIL_RAW =
      "0x02ec827a6980843b9aca0084773594008252089422222222222222222222222222222222222222220180c0808080";
  private static final String ANVIL_HASH = "0x7be00d943e8888da03130ed47a40f1b5de68bd2fee566bc8899f26ca683de752";

  private static RawTransaction tx() {
    return RawTransaction.createTransaction(
        31337L,
        BigInteger.ZERO,
        BigInteger.valueOf(21_000),
        "0x2222222222222222222222222222222222222222",
        BigInteger.ONE,
        "0x",
        BigInteger.valueOf(1_000_000_000L),
        BigInteger.valueOf(2_000_000_000L));
  }

  @Test
  void shouldEncodeTheEnvelopeAnvilBuildsForAnImpersonatedSender() {
    assertThat(Numeric.toHexString(ImpersonatedEnvelope.encode(tx()))).isEqualTo(ANVIL_RAW);
  }

  @Test
  void shouldHashLikeAnvilWithTheSenderAppended() {
    assertThat(ImpersonatedEnvelope.hash(ImpersonatedEnvelope.encode(tx()), SENDER)).isEqualTo(ANVIL_HASH);
    assertThat(ImpersonatedEnvelope.hash(ImpersonatedEnvelope.encode(tx()), Address.of("0x" + "3".repeat(40))))
        .isNotEqualTo(ANVIL_HASH);
  }

  @Test
  void shouldRecoverTheSendTransactionFieldsFromTheEnvelope() {
    var p = ImpersonatedEnvelope.sendTransactionParams(ANVIL_RAW, SENDER);
    assertThat(p)
        .containsEntry("from", SENDER.hex())
        .containsEntry("to", "0x2222222222222222222222222222222222222222")
        .containsEntry("value", "0x1")
        .containsEntry("input", "0x")
        .containsEntry("gas", "0x5208")
        .containsEntry("nonce", "0x0")
        .containsEntry("maxFeePerGas", "0x77359400")
        .containsEntry("maxPriorityFeePerGas", "0x3b9aca00")
        .containsEntry("chainId", "0x7a69");
  }
}
