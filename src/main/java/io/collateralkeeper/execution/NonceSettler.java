package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.OutcomeRecord;
import io.collateralkeeper.journal.TxKind;
import io.collateralkeeper.journal.TxRecord;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Settles a nonce the chain has consumed: looks up the receipt of every transaction ever signed at it (a replaced
 * one may be the one that landed) and journals the outcome, or journals that a transaction not ours consumed it.
 */
final class NonceSettler {
  private final ChainClient chain;
  private final Journal journal;
  private final TxSigner signer;
  private final ReceiptValuer valuer;

  NonceSettler(ChainClient chain, Journal journal, TxSigner signer, ReceiptValuer valuer) {
    this.chain = chain;
    this.journal = journal;
    this.signer = signer;
    this.valuer = valuer;
  }

  /**
   * Settles {@code nonce}, which must be below the chain's latest nonce of the signer.
   *
   * @return our transaction that was included, or empty when none of ours was (nothing journaled at the nonce, or
   *     all of it is now dropped)
   */
  Optional<SettledTx> settle(long nonce) {
    List<TxRecord> txs = journal.txsAt(signer.chainId(), signer.from(), nonce);
    for (TxRecord t : txs.reversed()) {
      // every hash, dropped ones included: a transaction the node refused late may still have been mined elsewhere
      Optional<TransactionReceipt> r = chain.receipt(t.hash());
      if (r.isEmpty()) continue;
      Optional<IntentRecord> intent =
          t.intentId().isPresent() ? journal.intent(t.intentId().getAsLong()) : Optional.empty();
      OutcomeRecord outcome = outcome(r.get(), t, intent);
      IntentStatus status = intentStatus(t.kind(), outcome.success());
      journal.settleIncluded(signer.chainId(), signer.from(), nonce, outcome, status);
      return Optional.of(new SettledTx(t, intent, status, outcome));
    }
    if (!txs.isEmpty()) journal.settleConsumedElsewhere(signer.chainId(), signer.from(), nonce);
    return Optional.empty();
  }

  /** What an included transaction means for its intent: a call won or lost; a cancellation cancelled it. */
  static IntentStatus intentStatus(TxKind kind, boolean success) {
    if (kind == TxKind.CANCEL) return IntentStatus.CANCELLED;
    return success ? IntentStatus.WON : IntentStatus.LOST;
  }

  private OutcomeRecord outcome(TransactionReceipt r, TxRecord t, Optional<IntentRecord> intent) {
    BigInteger price =
        r.getEffectiveGasPrice() == null ? BigInteger.ZERO : Numeric.decodeQuantity(r.getEffectiveGasPrice());
    BigInteger gasWei = r.getGasUsed().multiply(price);
    ReceiptValuer.Valuation v = valuer.value(r, gasWei, t, intent);
    return new OutcomeRecord(
        t.hash(),
        r.getBlockNumber().longValueExact(),
        r.isStatusOK(),
        r.getGasUsed(),
        price,
        v.revenueUsdWad(),
        v.gasCostUsdWad());
  }
}
