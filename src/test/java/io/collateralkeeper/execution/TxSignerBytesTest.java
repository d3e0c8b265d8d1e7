package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Whatever ECDSA implementation {@link TxSigner} uses, its signed transactions (calls, cancellations, re-signs) are
 * byte-for-byte what web3j's {@link TransactionEncoder#signMessage(RawTransaction, Credentials)} produces, and decode
 * to the signer's address.
 */
class TxSignerBytesTest {
  static final BigInteger N = Sign.CURVE_PARAMS.getN();

  @Test
  void shouldUseNativeSigningWhenTheLibraryLoads() {
    assumeTrue(System.getProperty("keeper.signing") == null, "-Dkeeper.signing=web3j runs the rest on web3j");
    assertThat(new TxSigner(signer(ECKeyPair.create(BigInteger.TEN)), 1).ecdsaImplementation()).isEqualTo("libsecp256k1");
  }

  @Test
  void shouldSignCallsByteIdenticallyToWeb3j() throws Exception {
    SplittableRandom random = new SplittableRandom(1559);
    for (int i = 0; i < 300; i++) {
      ECKeyPair keys = ECKeyPair.create(randomKey(random));
      Credentials credentials = Credentials.create(keys);
      long chainId = switch (i % 4) {
        case 0 -> 1;
        case 1 -> 31337;
        case 2 -> random.nextLong(1, 1L << 32);
        default -> random.nextLong(1, Long.MAX_VALUE);
      };
      TxSigner signer = new TxSigner(signer(keys), chainId);
      long nonce = i % 5 == 0 ? 0 : random.nextLong(0, Long.MAX_VALUE);
      BigInteger gas = BigInteger.valueOf(random.nextLong(21_000, 30_000_000));
      BigInteger maxFee = new BigInteger(1, bytes(random, random.nextInt(1, 14))).add(BigInteger.ONE);
      BigInteger tip = i % 7 == 0 ? BigInteger.ZERO : maxFee.divide(BigInteger.valueOf(random.nextLong(1, 100)));
      BigInteger value = i % 3 == 0 ? BigInteger.ZERO : new BigInteger(1, bytes(random, random.nextInt(1, 25)));
      Address to = Address.of(Numeric.toHexString(bytes(random, 20)));
      String data = Numeric.toHexString(bytes(random, i % 10 == 0 ? 0 : random.nextInt(1, 400)));
      FeeQuote fee = new FeeQuote(maxFee, tip, BigInteger.ONE);

      SignedTx tx = signer.sign(nonce, new TxCall(to, data, value), gas, fee);

      RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gas, to.hex(), value, data, tip, maxFee);
      String expected = Numeric.toHexString(TransactionEncoder.signMessage(raw, credentials));
      assertThat(tx.rawHex()).as("transaction #%d", i).isEqualTo(expected);
      assertThat(tx.hash()).isEqualTo(Hash.sha3(expected));
      SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(tx.rawHex());
      assertThat(decoded.getFrom()).isEqualToIgnoringCase(credentials.getAddress());
      assertThat(decoded.getData()).isEqualTo(Numeric.cleanHexPrefix(data));
    }
  }

  @Test
  void shouldCancelAndResignByteIdenticallyToWeb3j() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 50; i++) {
      ECKeyPair keys = ECKeyPair.create(randomKey(random));
      Credentials credentials = Credentials.create(keys);
      TxSigner signer = new TxSigner(signer(keys), 31337);
      FeeQuote fee = new FeeQuote(BigInteger.valueOf(random.nextLong(2, 1L << 40)), BigInteger.ONE, BigInteger.ONE);
      long nonce = random.nextLong(0, 1_000_000);

      SignedTx cancel = signer.cancel(nonce, fee);
      RawTransaction rawCancel = RawTransaction.createTransaction(31337, BigInteger.valueOf(nonce), TxSigner.CANCEL_GAS,
          signer.from().hex(), BigInteger.ZERO, "0x", BigInteger.ONE, fee.maxFeePerGas());
      assertThat(cancel.rawHex()).isEqualTo(Numeric.toHexString(TransactionEncoder.signMessage(rawCancel, credentials)));

      String data = Numeric.toHexString(bytes(random, 100));
      Address to = Address.of(Numeric.toHexString(bytes(random, 20)));
      SignedTx first = signer.sign(nonce, TxCall.of(to, data), BigInteger.valueOf(500_000), fee);
      FeeQuote bumped = new FeeQuote(fee.maxFeePerGas().multiply(BigInteger.TWO), BigInteger.TWO, BigInteger.ONE);
      SignedTx again = signer.resign(first.rawHex(), bumped);
      RawTransaction rawAgain = RawTransaction.createTransaction(31337, BigInteger.valueOf(nonce), BigInteger.valueOf(500_000),
          to.hex(), BigInteger.ZERO, data, BigInteger.TWO, bumped.maxFeePerGas());
      assertThat(again.rawHex()).isEqualTo(Numeric.toHexString(TransactionEncoder.signMessage(rawAgain, credentials)));
      assertThat(((SignedRawTransaction) TransactionDecoder.decode(again.rawHex())).getFrom())
          .isEqualToIgnoringCase(credentials.getAddress());
    }
  }

  @Test
  void shouldRefuseToResignAnotherKeysTransaction() {
    SplittableRandom random = new SplittableRandom(3);
    TxSigner alice = new TxSigner(signer(ECKeyPair.create(randomKey(random))), 31337);
    TxSigner bob = new TxSigner(signer(ECKeyPair.create(randomKey(random))), 31337);
    FeeQuote fee = new FeeQuote(BigInteger.TEN, BigInteger.ONE, BigInteger.ONE);
    SignedTx bobs = bob.cancel(3, fee);
    assertThatThrownBy(() -> alice.resign(bobs.rawHex(), fee)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(bob.from().hex());
  }

  /** A signer holding {@code keys}; its toString is the address only. */
  static Signer signer(ECKeyPair keys) {
    Credentials credentials = Credentials.create(keys);
    return new Signer() {
      @Override
      public String address() {
        return credentials.getAddress();
      }

      @Override
      public Credentials credentials() {
        return credentials;
      }

      @Override
      public String toString() {
        return credentials.getAddress();
      }
    };
  }

  static BigInteger randomKey(SplittableRandom random) {
    while (true) {
      BigInteger k = new BigInteger(1, bytes(random, 32));
      if (k.signum() > 0 && k.compareTo(N) < 0) return k;
    }
  }

  static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
