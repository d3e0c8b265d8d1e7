package io.collateralkeeper.execution.bundle;

import io.collateralkeeper.domain.Address;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * A signed raw transaction and the fields bundle handling needs, decoded with web3j's {@link TransactionDecoder}.
 *
 * @param raw the signed transaction, 0x-hex
 * @param hash keccak256 of the raw bytes, 0x-hex
 * @param from the recovered sender
 * @param nonce the sender nonce
 * @param to the recipient, empty for a contract creation
 * @param value native value, wei
 * @param data calldata, 0x-hex
 * @param gasLimit gas limit
 * @param maxFeePerGas EIP-1559 fee cap, wei (the gas price of a legacy transaction)
 * @param maxPriorityFeePerGas EIP-1559 tip, wei (the gas price of a legacy transaction)
 */
public record DecodedTx(
    String raw,
    String hash,
    Address from,
    BigInteger nonce,
    Optional<Address> to,
    BigInteger value,
    String data,
    BigInteger gasLimit,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas) {

  /**
   * Decodes a signed transaction.
   *
   * @throws IllegalArgumentException when it is not a signed transaction web3j can decode
   */
  public static DecodedTx decode(String raw) {
    RawTransaction tx;
    try {
      tx = TransactionDecoder.decode(raw);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a transaction: " + e.getClass().getSimpleName(), e);
    }
    if (!(tx instanceof SignedRawTransaction signed)) throw new IllegalArgumentException("not a signed transaction");
    Address from;
    try {
      from = Address.of(signed.getFrom());
    } catch (SignatureException e) {
      throw new IllegalArgumentException("cannot recover the sender", e);
    }
    BigInteger maxFee;
    BigInteger tip;
    if (tx.getTransaction() instanceof Transaction1559 t) {
      maxFee = t.getMaxFeePerGas();
      tip = t.getMaxPriorityFeePerGas();
    } else {
      maxFee = tx.getGasPrice();
      tip = maxFee;
    }
    String to = tx.getTo();
    Optional<Address> recipient =
        to == null || to.isEmpty() || to.equals("0x") ? Optional.empty() : Optional.of(Address.of(to));
    String data = tx.getData() == null ? "0x" : Numeric.prependHexPrefix(tx.getData());
    String hex = Numeric.prependHexPrefix(raw.trim()).toLowerCase(java.util.Locale.ROOT);
    return new DecodedTx(
        hex, Hash.sha3(hex), from, tx.getNonce(), recipient, tx.getValue(), data, tx.getGasLimit(), maxFee, tip);
  }

  /** Decodes each transaction, in order. */
  public static List<DecodedTx> decodeAll(List<String> raws) {
    return raws.stream().map(DecodedTx::decode).toList();
  }

  /** A bundle's hash as Flashbots computes it: keccak256 of the concatenated transaction hashes, 0x-hex. */
  public static String bundleHash(List<DecodedTx> txs) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (DecodedTx tx : txs) all.writeBytes(Numeric.hexStringToByteArray(tx.hash()));
    return Numeric.toHexString(Hash.sha3(all.toByteArray()));
  }

  /** The price per gas paid at {@code baseFee}: min(maxFee, baseFee + tip), wei. */
  public BigInteger effectiveGasPrice(BigInteger baseFee) {
    return maxFeePerGas.min(baseFee.add(maxPriorityFeePerGas));
  }
}
