package io.collateralkeeper.execution;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.DigestSigner;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.security.SignatureException;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 (type 2) transactions: contract calls, zero-value cancellations, and re-signed copies of a journaled
 * transaction with new fees. Encoding is web3j's {@link TransactionEncoder}; the ECDSA step is a {@link DigestSigner}
 * (native libsecp256k1 when it loads, else web3j), so the bytes equal {@code TransactionEncoder.signMessage}'s.
 * Never prints key material. For an {@linkplain Signer#impersonated() impersonated} account the envelope carries
 * Anvil's placeholder signature and the hash Anvil will give it ({@link ImpersonatedEnvelope}).
 */
public final class TxSigner {
  /** Gas of a plain value transfer: a cancellation's gas limit. */
  public static final BigInteger CANCEL_GAS = BigInteger.valueOf(21_000);

  private final Signer signer;
  private final long chainId;
  private final Address from;
  /** Signs keccak digests with the key; null for an impersonated account. */
  private final DigestSigner ecdsa;

  /**
   * @param signer the key that signs
   * @param chainId the chain id signed into every transaction (EIP-155 replay protection)
   */
  public TxSigner(Signer signer, long chainId) {
    this.signer = signer;
    this.chainId = chainId;
    this.from = Address.of(signer.address());
    this.ecdsa = signer.impersonated() ? null : DigestSigner.forKey(signer.credentials().getEcKeyPair());
  }

  /** The sending address. */
  public Address from() {
    return from;
  }

  /** True when the account is impersonated on Anvil (no key; see {@link ImpersonatedEnvelope}). */
  public boolean impersonated() {
    return signer.impersonated();
  }

  /** Which ECDSA implementation signs: {@code libsecp256k1}, {@code web3j}, or {@code impersonated} (none). */
  public String ecdsaImplementation() {
    return ecdsa == null ? "impersonated" : ecdsa.implementation();
  }

  /** The chain id signed into every transaction. */
  public long chainId() {
    return chainId;
  }

  /** Signs {@code call} at {@code nonce}. */
  public SignedTx sign(long nonce, TxCall call, BigInteger gasLimit, FeeQuote fee) {
    return sign(nonce, call.to().hex(), call.value(), call.data(), gasLimit, fee);
  }

  /** Signs a cancellation: a zero-value transfer to ourselves of {@link #CANCEL_GAS} gas at {@code nonce}. */
  public SignedTx cancel(long nonce, FeeQuote fee) {
    return sign(nonce, from.hex(), BigInteger.ZERO, "0x", CANCEL_GAS, fee);
  }

  /**
   * Signs the same transaction as {@code rawHex} (nonce, recipient, value, data, gas limit) with new fees.
   *
   * @throws IllegalArgumentException when {@code rawHex} is not a type-2 transaction of this signer and chain
   */
  public SignedTx resign(String rawHex, FeeQuote fee) {
    RawTransaction old = TransactionDecoder.decode(rawHex);
    if (!(old.getTransaction() instanceof Transaction1559 t) || t.getChainId() != chainId) {
      throw new IllegalArgumentException("not an EIP-1559 transaction of chain " + chainId);
    }
    if (!signer.impersonated() && old instanceof SignedRawTransaction s) {
      try {
        if (!from.equals(Address.of(s.getFrom()))) throw new IllegalArgumentException("signed by " + s.getFrom());
      } catch (SignatureException e) {
        throw new IllegalArgumentException("unreadable signature", e);
      }
    }
    return sign(old.getNonce().longValueExact(), old.getTo(), old.getValue(), old.getData(), old.getGasLimit(), fee);
  }

  private SignedTx sign(long nonce, String to, BigInteger value, String data, BigInteger gasLimit, FeeQuote fee) {
    // nothing malformed is ever signed: web3j would encode negative numbers and non-hex data into garbage
    if (nonce < 0 || gasLimit.signum() <= 0 || value.signum() < 0) {
      throw new IllegalArgumentException("refusing to sign: negative nonce or value, or no gas");
    }
    if (fee.maxFeePerGas().signum() < 0 || fee.maxPriorityFeePerGas().signum() < 0
        || fee.maxPriorityFeePerGas().compareTo(fee.maxFeePerGas()) > 0) {
      throw new IllegalArgumentException("refusing to sign: fee fields out of order");
    }
    if (data == null || !Numeric.prependHexPrefix(data).matches("0x(?:[0-9a-fA-F]{2})*")
        || to == null || !Numeric.prependHexPrefix(to).matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("refusing to sign: call data or recipient is not hex");
    }
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            gasLimit,
            to,
            value,
            data,
            fee.maxPriorityFeePerGas(),
            fee.maxFeePerGas());
    String signed;
    String hash;
    if (signer.impersonated()) {
      byte[] envelope = ImpersonatedEnvelope.encode(raw);
      signed = Numeric.toHexString(envelope);
      hash = ImpersonatedEnvelope.hash(envelope, from);
    } else {
      // TransactionEncoder.signMessage(raw, credentials) for a type-2 transaction, with our ECDSA step
      byte[] digest = Hash.sha3(TransactionEncoder.encode(raw));
      signed = Numeric.toHexString(TransactionEncoder.encode(raw, ecdsa.sign(digest)));
      hash = Hash.sha3(signed);
    }
    return new SignedTx(hash, signed, nonce, gasLimit, fee.maxFeePerGas(), fee.maxPriorityFeePerGas());
  }

  @Override
  public String toString() {
    return "TxSigner[" + from + " chain " + chainId + "]";
  }
}
