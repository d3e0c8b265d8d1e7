package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.util.Locale;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 transactions with web3j's encoder and broadcasts them, assigning nonces locally (seeded from the
 * node's pending count, re-synced when the node says the nonce is too low).
 */
public final class TxSender {
  private final ChainClient chain;
  private final Signer signer;
  private final long chainId;
  private final Address from;
  private BigInteger nextNonce;

  public TxSender(ChainClient chain, Signer signer, long chainId) {
    this.chain = chain;
    this.signer = signer;
    this.chainId = chainId;
    this.from = Address.of(signer.address());
  }

  /** The sending address. */
  public Address from() {
    return from;
  }

  /**
   * Signs and broadcasts {@code call}.
   *
   * @param account the account the transaction acts on (for tracking)
   * @param headBlock current head (for tracking)
   * @throws RpcException when the node rejects it
   */
  public SentTx send(Address account, TxCall call, BigInteger gasLimit, FeeQuote fee, long headBlock) {
    if (nextNonce == null) nextNonce = chain.pendingNonce(from);
    try {
      return sendWithNonce(account, call, gasLimit, fee, headBlock);
    } catch (RpcException e) {
      String msg = e.getMessage().toLowerCase(Locale.ROOT);
      if (!msg.contains("nonce too low") && !msg.contains("already known")) throw e;
      nextNonce = chain.pendingNonce(from);
      return sendWithNonce(account, call, gasLimit, fee, headBlock);
    }
  }

  private SentTx sendWithNonce(Address account, TxCall call, BigInteger gasLimit, FeeQuote fee, long headBlock) {
    BigInteger nonce = nextNonce;
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId,
            nonce,
            gasLimit,
            call.to().hex(),
            call.value(),
            call.data(),
            fee.maxPriorityFeePerGas(),
            fee.maxFeePerGas());
    String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, signer.credentials()));
    String hash = Hash.sha3(signed);
    chain.sendRaw(signed);
    nextNonce = nonce.add(BigInteger.ONE);
    return new SentTx(hash, nonce, account, gasLimit, fee, headBlock);
  }
}
