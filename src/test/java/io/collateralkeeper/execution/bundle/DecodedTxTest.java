package io.collateralkeeper.execution.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Decoding signed transactions for bundles, and the bundle hash. */
class DecodedTxTest {
  private static final Credentials KEY =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"); // Anvil dev account 1

  @Test
  void shouldRecoverTheSenderAndFieldsOfAnEip1559Transaction() {
    String raw = sign(7, "0x00000000000000000000000000000000000000aa", BigInteger.valueOf(5), "0xabcd");
    DecodedTx tx = DecodedTx.decode(raw);

    assertThat(tx.from()).isEqualTo(Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
    assertThat(tx.nonce()).isEqualTo(BigInteger.valueOf(7));
    assertThat(tx.to()).contains(Address.of("0x00000000000000000000000000000000000000aa"));
    assertThat(tx.value()).isEqualTo(BigInteger.valueOf(5));
    assertThat(tx.data()).isEqualTo("0xabcd");
    assertThat(tx.gasLimit()).isEqualTo(BigInteger.valueOf(50_000));
    assertThat(tx.maxFeePerGas()).isEqualTo(BigInteger.valueOf(30_000_000_000L));
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(2_000_000_000L));
    assertThat(tx.hash()).isEqualTo(Hash.sha3(raw));
    // base 10 gwei: min(30, 10 + 2) = 12 gwei; base 29 gwei: capped at 30
    assertThat(tx.effectiveGasPrice(BigInteger.valueOf(10_000_000_000L))).isEqualTo(BigInteger.valueOf(12_000_000_000L));
    assertThat(tx.effectiveGasPrice(BigInteger.valueOf(29_000_000_000L))).isEqualTo(BigInteger.valueOf(30_000_000_000L));
  }

  @Test
  void shouldHashABundleAsKeccakOfTheConcatenatedTransactionHashes() {
    DecodedTx a = DecodedTx.decode(sign(0, "0x00000000000000000000000000000000000000aa", BigInteger.ONE, "0x"));
    DecodedTx b = DecodedTx.decode(sign(1, "0x00000000000000000000000000000000000000bb", BigInteger.ONE, "0x"));
    String expected = Hash.sha3("0x" + a.hash().substring(2) + b.hash().substring(2));
    assertThat(DecodedTx.bundleHash(List.of(a, b))).isEqualTo(expected);
    assertThat(DecodedTx.bundleHash(List.of(b, a))).isNotEqualTo(expected);
  }

  @Test
  void shouldRejectWhatIsNotASignedTransaction() {
    assertThatThrownBy(() -> DecodedTx.decode("0x1234")).isInstanceOf(IllegalArgumentException.class);
    RawTransaction unsigned =
        RawTransaction.createTransaction(31337, BigInteger.ZERO, BigInteger.valueOf(21_000), "0x00000000000000000000000000000000000000aa",
            BigInteger.ONE, "0x", BigInteger.ONE, BigInteger.TEN);
    assertThatThrownBy(() -> DecodedTx.decode(Numeric.toHexString(TransactionEncoder.encode(unsigned))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String sign(long nonce, String to, BigInteger value, String data) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            31337, BigInteger.valueOf(nonce), BigInteger.valueOf(50_000), to, value, data,
            BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(30_000_000_000L));
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, KEY));
  }
}
