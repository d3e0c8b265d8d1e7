package io.collateralkeeper.execution;

import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signs an EIP-1559 transaction with web3j's {@link TransactionEncoder} without broadcasting it: the signed bytes
 * can go to the public mempool or, as a bundle, to relays.
 */
public final class TxSigning {
  private TxSigning() {}

  /**
   * @param signer the funds key
   * @param chainId the chain id (EIP-155 replay protection)
   * @param nonce the sender nonce
   * @param call target, calldata and value (wei)
   * @param gasLimit gas limit
   * @param fee maxFeePerGas and tip, wei (e.g. {@link Bid#feeQuote()})
   * @return the signed transaction, 0x-hex
   */
  public static String sign(Signer signer, long chainId, BigInteger nonce, TxCall call, BigInteger gasLimit, FeeQuote fee) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId, nonce, gasLimit, call.to().hex(), call.value(), call.data(), fee.maxPriorityFeePerGas(), fee.maxFeePerGas());
    return Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, signer.credentials()));
  }
}
