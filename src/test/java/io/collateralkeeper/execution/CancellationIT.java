package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxKind;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * When the opportunity is gone, a pending transaction is cancelled by a zero-value self-transfer at the same nonce
 * with bumped fees; the cancellation lands, the call never executes, and the intent is journaled as cancelled.
 */
class CancellationIT {
  static final Address RECIPIENT = Address.of("0x00000000000000000000000000000000000b0b00");

  @TempDir Path dir;

  @Test
  void shouldCancelAPendingTransactionAtTheSameNonceWhenItsIntentIsGone() throws Exception {
    try (PipelineFixture f = new PipelineFixture(dir);
        Journal journal = f.openJournal()) {
      TxPipeline pipeline = f.startPipeline(journal, 3, new FeePolicy(gwei(100), gwei(1)));
      Submission.Sent sent =
          (Submission.Sent)
              pipeline.submit(PipelineFixture.mintIntent(RECIPIENT, 7_000_000), f.mintCall(RECIPIENT, 7_000_000),
                  PipelineFixture.MINT_GAS, new FeeQuote(gwei(10), gwei(1), f.baseFee(f.head())), f.head());
      f.mineAt(gwei(12)); // above its max fee: still pending
      assertThat(pipeline.track(f.head(), f.baseFee(f.head()), intent -> true).cancelled()).isEmpty();

      // the opportunity is gone: cancel at once (no need to wait K blocks)
      TrackReport r = pipeline.track(f.head(), f.baseFee(f.head()), intent -> false);

      assertThat(r.cancelled()).singleElement().satisfies(c -> {
        assertThat(c.nonce()).isEqualTo(sent.tx().nonce().longValueExact());
        assertThat(c.supersedes()).contains(sent.tx().hash());
        // max(10 gwei x 1.1, market 2 x 12 + 1 = 25 gwei) = 25 gwei; tip max(1.1, 1) = 1.1 gwei
        assertThat(c.fee().maxFeePerGas()).isEqualTo(gwei(25));
        assertThat(c.fee().maxPriorityFeePerGas()).isEqualTo(new BigInteger("1100000000"));
      });
      String cancel = r.cancelled().get(0).hash();

      f.mineAt(gwei(12));
      TrackReport landed = pipeline.track(f.head(), f.baseFee(f.head()), intent -> false);

      assertThat(landed.settled()).singleElement().satisfies(st -> {
        assertThat(st.tx().hash()).isEqualTo(cancel);
        assertThat(st.intentStatus()).isEqualTo(IntentStatus.CANCELLED);
      });
      TransactionReceipt receipt = f.devnet.chain.receipt(cancel).orElseThrow();
      assertThat(receipt.getTo()).isEqualTo(f.keeperAddress.hex());
      assertThat(receipt.getGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
      assertThat(receipt.getLogs()).isEmpty();
      assertThat(f.devnet.chain.web3j().ethGetTransactionByHash(cancel).send().getTransaction().orElseThrow().getValue())
          .isZero();
      assertThat(f.devnet.chain.receipt(sent.tx().hash())).isEmpty();
      assertThat(f.usdcBalance(RECIPIENT)).as("the mint never executed").isZero();

      List<TxRecord> txs = journal.txsAt(31337, f.keeperAddress, sent.tx().nonce().longValueExact());
      assertThat(txs).extracting(TxRecord::kind, TxRecord::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(TxKind.CALL, TxStatus.REPLACED),
              org.assertj.core.groups.Tuple.tuple(TxKind.CANCEL, TxStatus.INCLUDED));
      assertThat(txs.get(1).intentId()).hasValue(sent.intent().id());
      assertThat(journal.intent(sent.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.CANCELLED);
      assertThat(journal.outcome(cancel).orElseThrow().realizedRevenueUsdWad()).isZero();
    }
  }
}
