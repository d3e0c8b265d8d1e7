package io.collateralkeeper.execution;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpString;
import org.web3j.utils.Numeric;

/**
 * The transaction Anvil builds for an impersonated sender's {@code eth_sendTransaction}, so that the pipeline can
 * journal it, hash included, before sending it. Mirrors Anvil 1.7.1 ({@code EthApi::send_transaction}): the EIP-1559
 * envelope carries a placeholder signature (yParity 0, r 0, s 0) and its hash is {@code keccak256(rlp(envelope) ||
 * sender)} (Anvil's {@code impersonated_hash}), not the envelope's own hash, so two impersonated senders never
 * collide. {@link Broadcaster} checks every hash Anvil answers against this one. Encoding and hashing are web3j's.
 */
public final class ImpersonatedEnvelope {
  // v 27 is web3j's way to write yParity 0; empty r and s encode as RLP zero
  private static final Sign.SignatureData PLACEHOLDER = new Sign.SignatureData((byte) 27, new byte[0], new byte[0]);

  private ImpersonatedEnvelope() {}

  /** The type-2 envelope of {@code tx} with the placeholder signature. */
  public static byte[] encode(RawTransaction tx) {
    return TransactionEncoder.encode(tx, PLACEHOLDER);
  }

  /**
   * The hash Anvil gives the transaction when {@code sender} sends it impersonated.
   *
   * @param envelope the envelope from {@link #encode}
   * @param sender the impersonated sender
   * @return 0x + 64 hex digits
   */
  public static String hash(byte[] envelope, Address sender) {
    byte[] rlp = RlpEncoder.encode(RlpString.create(envelope));
    byte[] from = Numeric.hexStringToByteArray(sender.hex());
    byte[] buf = new byte[rlp.length + from.length];
    System.arraycopy(rlp, 0, buf, 0, rlp.length);
    System.arraycopy(from, 0, buf, rlp.length, from.length);
    return Numeric.toHexString(Hash.sha3(buf));
  }

  /**
   * The {@code eth_sendTransaction} object that makes Anvil build exactly {@code rawHex} for {@code sender}.
   *
   * @param rawHex an envelope from {@link #encode}, 0x-hex
   * @throws IllegalArgumentException when it is not an EIP-1559 transaction
   */
  public static Map<String, String> sendTransactionParams(String rawHex, Address sender) {
    RawTransaction tx = TransactionDecoder.decode(rawHex);
    if (!(tx.getTransaction() instanceof Transaction1559 t)) {
      throw new IllegalArgumentException("not an EIP-1559 transaction: " + rawHex);
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", sender.hex());
    p.put("to", t.getTo());
    p.put("value", quantity(t.getValue()));
    p.put("input", t.getData() == null || t.getData().isEmpty() ? "0x" : Numeric.prependHexPrefix(t.getData()));
    p.put("gas", quantity(t.getGasLimit()));
    p.put("nonce", quantity(t.getNonce()));
    p.put("maxFeePerGas", quantity(t.getMaxFeePerGas()));
    p.put("maxPriorityFeePerGas", quantity(t.getMaxPriorityFeePerGas()));
    p.put("chainId", quantity(BigInteger.valueOf(t.getChainId())));
    p.put("type", "0x2");
    return p;
  }

  private static String quantity(BigInteger v) {
    return Numeric.toHexStringWithPrefix(v);
  }
}
