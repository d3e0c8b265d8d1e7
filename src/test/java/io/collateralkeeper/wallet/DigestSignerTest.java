package io.collateralkeeper.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * libsecp256k1 signs every digest exactly as web3j's Bouncy Castle ECDSA does (same v, r, s), for random keys and
 * digests and the edge cases: tiny and maximal keys, digests at and above the curve order.
 */
class DigestSignerTest {
  /** secp256k1's group order n. */
  static final BigInteger N = Sign.CURVE_PARAMS.getN();

  @Test
  void shouldLoadTheNativeLibraryOnLinuxX86() {
    assumeTrue(System.getProperty(Secp256k1Library.PROPERTY) == null, "web3j forced");
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
    assumeTrue(List.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch")));

    assertThat(Secp256k1Library.get()).isPresent();
    assertThat(DigestSigner.forKey(ECKeyPair.create(BigInteger.TWO)).implementation()).isEqualTo("libsecp256k1");
  }

  @Test
  void shouldSignLikeWeb3jForRandomKeysAndDigests() {
    Secp256k1 lib = lib();
    SplittableRandom random = new SplittableRandom(20240611);
    List<BigInteger> keys = new ArrayList<>(List.of(
        BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(255), N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO),
        BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE)));
    while (keys.size() < 200) keys.add(randomKey(random));
    List<byte[]> edgeDigests = List.of(
        new byte[32], filled(0xff), Numeric.toBytesPadded(N, 32), Numeric.toBytesPadded(N.subtract(BigInteger.ONE), 32),
        Numeric.toBytesPadded(N.add(BigInteger.ONE), 32));
    int checked = 0;
    int[] recIds = new int[2];
    for (BigInteger key : keys) {
      ECKeyPair pair = ECKeyPair.create(key);
      NativeDigestSigner fast = NativeDigestSigner.of(lib, pair).orElseThrow();
      List<byte[]> digests = new ArrayList<>(edgeDigests);
      for (int i = 0; i < 5; i++) digests.add(randomBytes(random, 32));
      for (byte[] digest : digests) {
        Sign.SignatureData expected = Sign.signMessage(digest, pair, false);
        Sign.SignatureData actual = fast.sign(digest);
        assertThat(actual.getV()).as("v, key #%d", checked).isEqualTo(expected.getV());
        assertThat(actual.getR()).isEqualTo(expected.getR()).hasSize(32);
        assertThat(actual.getS()).isEqualTo(expected.getS()).hasSize(32);
        recIds[actual.getV()[0] - 27]++;
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2000);
    assertThat(recIds[0]).as("both recovery ids occur").isGreaterThan(500);
    assertThat(recIds[1]).isGreaterThan(500);
  }

  @Test
  void shouldRecoverTheSignersKey() throws Exception {
    ECKeyPair pair = ECKeyPair.create(randomKey(new SplittableRandom(7)));
    byte[] digest = randomBytes(new SplittableRandom(8), 32);
    Sign.SignatureData sig = DigestSigner.forKey(pair).sign(digest);
    assertThat(Sign.signedMessageHashToKey(digest, sig)).isEqualTo(pair.getPublicKey());
  }

  @Test
  void shouldRefuseDigestsThatAreNot32Bytes() {
    DigestSigner fast = DigestSigner.forKey(ECKeyPair.create(BigInteger.TEN));
    DigestSigner slow = new Web3jDigestSigner(ECKeyPair.create(BigInteger.TEN));
    for (DigestSigner s : List.of(fast, slow)) {
      assertThatThrownBy(() -> s.sign(new byte[31])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
      assertThatThrownBy(() -> s.sign(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldNotOfferNativeSigningForKeysOutsideTheCurveOrder() {
    Secp256k1 lib = lib();
    // a web3j key pair is just two numbers: one whose public key does not belong to its private key is refused too
    ECKeyPair mismatched = new ECKeyPair(BigInteger.TWO, ECKeyPair.create(BigInteger.TEN).getPublicKey());
    assertThat(NativeDigestSigner.of(lib, mismatched)).isEmpty();
    assertThat(NativeDigestSigner.of(lib, new ECKeyPair(N, BigInteger.ONE))).isEmpty();
    assertThat(NativeDigestSigner.of(lib, new ECKeyPair(BigInteger.ZERO, BigInteger.ONE))).isEmpty();
  }

  @Test
  void shouldKeepTheKeyOutOfToString() {
    BigInteger key = randomKey(new SplittableRandom(99));
    DigestSigner fast = DigestSigner.forKey(ECKeyPair.create(key));
    for (String text : List.of(fast.toString(), new Web3jDigestSigner(ECKeyPair.create(key)).toString())) {
      assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(key.toString(16)).doesNotContain(key.toString());
    }
  }

  /** The native library; the test is skipped when it is not there (then {@link #shouldLoadTheNativeLibraryOnLinuxX86} says why). */
  private static Secp256k1 lib() {
    assumeTrue(Secp256k1Library.get().isPresent(), "libsecp256k1 not loaded");
    return Secp256k1Library.get().orElseThrow();
  }

  /** A uniformly random valid private key in [1, n-1]. */
  static BigInteger randomKey(SplittableRandom random) {
    while (true) {
      BigInteger k = new BigInteger(1, randomBytes(random, 32));
      if (k.signum() > 0 && k.compareTo(N) < 0) return k;
    }
  }

  static byte[] randomBytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] filled(int value) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
