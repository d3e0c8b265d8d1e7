package io.collateralkeeper.bench;

import io.collateralkeeper.wallet.DigestSigner;
import io.collateralkeeper.wallet.NativeDigestSigner;
import io.collateralkeeper.wallet.Secp256k1Library;
import io.collateralkeeper.wallet.Web3jDigestSigner;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signing one liquidation-sized EIP-1559 transaction (100 bytes of call data): web3j's {@code
 * TransactionEncoder.signMessage} (Bouncy Castle ECDSA plus up to four public-key recoveries) against the same
 * encoding with native libsecp256k1's ECDSA ({@link NativeDigestSigner}). Each operation signs a different nonce, so
 * no digest repeats. Run with {@code scripts/jmh.sh SigningBench -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SigningBench {
  Credentials credentials;
  DigestSigner nativeSigner;
  DigestSigner web3jSigner;
  String to;
  String data;
  long nonce;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(8);
    ECKeyPair keys = ECKeyPair.create(new BigInteger(1, bytes(random, 31)).add(BigInteger.ONE));
    credentials = Credentials.create(keys);
    nativeSigner = NativeDigestSigner.of(Secp256k1Library.get().orElseThrow(), keys).orElseThrow();
    web3jSigner = new Web3jDigestSigner(keys);
    to = Numeric.toHexString(bytes(random, 20));
    data = Numeric.toHexString(bytes(random, 100));
  }

  private RawTransaction next() {
    nonce++;
    return RawTransaction.createTransaction(
        31337, BigInteger.valueOf(nonce), BigInteger.valueOf(450_000), to, BigInteger.ZERO, data,
        BigInteger.valueOf(1_500_000_000L), BigInteger.valueOf(40_000_000_000L));
  }

  /** Today's web3j path: encode, hash, Bouncy Castle sign, recovery-id loop, encode with the signature. */
  @Benchmark
  public void web3jSignMessage(Blackhole bh) {
    bh.consume(TransactionEncoder.signMessage(next(), credentials));
  }

  /** The same bytes with libsecp256k1's ECDSA (what {@code TxSigner} does when the library loads). */
  @Benchmark
  public void nativeSign(Blackhole bh) {
    RawTransaction raw = next();
    bh.consume(TransactionEncoder.encode(raw, nativeSigner.sign(Hash.sha3(TransactionEncoder.encode(raw)))));
  }

  /** web3j's ECDSA behind the same {@link DigestSigner} seam (the fallback): should equal {@link #web3jSignMessage}. */
  @Benchmark
  public void web3jFallbackSign(Blackhole bh) {
    RawTransaction raw = next();
    bh.consume(TransactionEncoder.encode(raw, web3jSigner.sign(Hash.sha3(TransactionEncoder.encode(raw)))));
  }

  /** The parts around the ECDSA step alone (encode, keccak, encode with a fixed signature): the floor of both paths. */
  @Benchmark
  public void encodingOnly(Blackhole bh) {
    RawTransaction raw = next();
    bh.consume(TransactionEncoder.encode(raw, fixedSignature(Hash.sha3(TransactionEncoder.encode(raw)))));
  }

  private org.web3j.crypto.Sign.SignatureData fixedSignature(byte[] digest) {
    return new org.web3j.crypto.Sign.SignatureData(digest[0] < 0 ? (byte) 28 : (byte) 27, digest, digest);
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
