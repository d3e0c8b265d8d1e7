package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * The {@code X-Flashbots-Signature} request header of bundle relays: {@code address:signature}, where the signature
 * is an EIP-191 personal-sign ({@code "\x19Ethereum Signed Message:\n" + length + message}) over the UTF-8 text
 * {@code "0x" + lowercase hex keccak256(body)} of the exact request body bytes, 65 bytes {@code r || s || v} with
 * {@code v} 27 or 28. The address is EIP-55 checksummed, as ethers, cast and Flashbots' go-utils write it.
 * Signing and recovery are web3j's ({@link Sign#signPrefixedMessage}, {@link Sign#signedPrefixedMessageToKey}).
 */
public final class FlashbotsSignature {
  /** The header's name. */
  public static final String HEADER = "X-Flashbots-Signature";

  private FlashbotsSignature() {}

  /**
   * The header value for {@code body}.
   *
   * @param body the exact bytes sent as the HTTP request body
   * @param key the identity key (never the funds key by default; see {@link BundleIdentity})
   * @return {@code 0x<checksummed address>:0x<130 hex digits>}
   */
  public static String header(byte[] body, ECKeyPair key) {
    Sign.SignatureData sig = Sign.signPrefixedMessage(message(body), key);
    byte[] rsv = new byte[65];
    System.arraycopy(sig.getR(), 0, rsv, 0, 32);
    System.arraycopy(sig.getS(), 0, rsv, 32, 32);
    rsv[64] = sig.getV()[0];
    return Keys.toChecksumAddress(Keys.getAddress(key)) + ":" + Numeric.toHexString(rsv);
  }

  /**
   * Checks a header against a body, as a relay does.
   *
   * @param header the header value, {@code address:0xsignature} (a recovery id of 0/1 is accepted as 27/28)
   * @param body the exact request body bytes
   * @return the signing address when the signature over {@code body} recovers to the header's address; empty when
   *     the header is malformed, the signature does not match the body, or it was made by another key
   */
  public static Optional<Address> verify(String header, byte[] body) {
    int colon = header == null ? -1 : header.indexOf(':');
    if (colon < 0) return Optional.empty();
    try {
      Address claimed = Address.of(header.substring(0, colon));
      byte[] rsv = Numeric.hexStringToByteArray(header.substring(colon + 1).trim());
      if (rsv.length != 65) return Optional.empty();
      int v = rsv[64] & 0xff;
      if (v >= 27) v -= 27;
      if (v > 1) return Optional.empty();
      Sign.SignatureData sig =
          new Sign.SignatureData((byte) (v + 27), Arrays.copyOfRange(rsv, 0, 32), Arrays.copyOfRange(rsv, 32, 64));
      BigInteger publicKey = Sign.signedPrefixedMessageToKey(message(body), sig);
      Address signer = Address.of(Keys.getAddress(publicKey));
      return signer.equals(claimed) ? Optional.of(signer) : Optional.empty();
    } catch (SignatureException | IllegalArgumentException e) {
      return Optional.empty(); // malformed hex, address or signature values
    }
  }

  /** The signed message: the UTF-8 bytes of "0x" + lowercase hex keccak256(body). */
  static byte[] message(byte[] body) {
    return Numeric.toHexString(Hash.sha3(body)).getBytes(StandardCharsets.UTF_8);
  }
}
