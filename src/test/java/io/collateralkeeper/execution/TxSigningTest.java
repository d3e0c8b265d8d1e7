package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.DecodedTx;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** A transaction signed for a bundle decodes back to the sender, nonce, call and bid fees. */
class TxSigningTest {

  @Test
  void shouldSignTheCallWithTheBidsFees() {
    Signer keeper = WalletLoader.devAccount(1, 31337);
    TxCall call = new TxCall(Address.of("0x00000000000000000000000000000000000000aa"), "0xdeadbeef", BigInteger.TEN);
    FeeQuote fee = new FeeQuote(BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(1_500_000_000L), BigInteger.ONE);

    DecodedTx tx = DecodedTx.decode(new TxSigner(keeper, 31337).sign(4, call, BigInteger.valueOf(90_000), fee).rawHex());

    assertThat(tx.from()).isEqualTo(Address.of(keeper.address()));
    assertThat(tx.nonce()).isEqualTo(BigInteger.valueOf(4));
    assertThat(tx.to()).contains(call.to());
    assertThat(tx.data()).isEqualTo("0xdeadbeef");
    assertThat(tx.value()).isEqualTo(BigInteger.TEN);
    assertThat(tx.gasLimit()).isEqualTo(BigInteger.valueOf(90_000));
    assertThat(tx.maxFeePerGas()).isEqualTo(fee.maxFeePerGas());
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(fee.maxPriorityFeePerGas());
  }
}
