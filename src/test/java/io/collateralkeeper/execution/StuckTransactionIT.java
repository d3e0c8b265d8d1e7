package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.deciGwei;
import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.OutcomeRecord;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction priced under the base fee Anvil is pushed to is replaced after K blocks at the same nonce with both
 * fees 10% higher, held when the cap allows no further bump, and lands once the base fee eases; exactly one
 * transaction of the nonce is included and the journal accounts for both.
 */
class StuckTransactionIT {
  static final Address RECIPIENT = Address.of("0x00000000000000000000000000000000000a11ce");

  @TempDir Path dir;

  @Test
  void shouldReplaceAStuckTransactionWithTenPercentHigherFeesAndLandIt() throws Exception {
    try (PipelineFixture f = new PipelineFixture(dir);
        Journal journal = f.openJournal()) {
      // cap 11 gwei: one 10% bump over 10 gwei fits exactly, a second one does not
      FeePolicy fees = new FeePolicy(gwei(11), gwei(1));
      TxPipeline pipeline = f.startPipeline(journal, 3, fees);
      long nonce = pipeline.nonces().peekNext();
      FeeQuote first = new FeeQuote(gwei(10), gwei(1), f.baseFee(f.head()));

      Submission s =
          pipeline.submit(PipelineFixture.mintIntent(RECIPIENT, 5_000_000), f.mintCall(RECIPIENT, 5_000_000),
              PipelineFixture.MINT_GAS, first, f.head());
      assertThat(s).isInstanceOf(Submission.Sent.class);
      Submission.Sent sent = (Submission.Sent) s;
      assertThat(sent.confirmed()).isTrue();
      assertThat(sent.tx().nonce()).isEqualTo(nonce);

      // base fee 12 gwei > 10 gwei: not includable. Blocks 1 and 2 after sending: wait.
      for (int i = 0; i < 2; i++) {
        f.mineAt(gwei(12));
        TrackReport r = pipeline.track(f.head(), f.baseFee(f.head()), intent -> true);
        assertThat(r.replaced()).isEmpty();
        assertThat(r.settled()).isEmpty();
      }
      // block 3: stuck K = 3 blocks -> replaced, both fields +10% (the cap allows exactly that)
      f.mineAt(gwei(12));
      TrackReport third = pipeline.track(f.head(), f.baseFee(f.head()), intent -> true);
      assertThat(third.replaced()).singleElement().satisfies(r -> {
        assertThat(r.nonce()).isEqualTo(nonce);
        assertThat(r.supersedes()).contains(sent.tx().hash());
        assertThat(r.fee().maxFeePerGas()).isEqualTo(gwei(11));
        assertThat(r.fee().maxPriorityFeePerGas()).isEqualTo(deciGwei(11));
      });
      String replacement = third.replaced().get(0).hash();
      assertThat(f.devnet.chain.receipt(sent.tx().hash())).isEmpty();

      // three more blocks at 12 gwei: stuck again, but 12.1 gwei would exceed the cap -> held, with the reason
      TrackReport held = null;
      for (int i = 0; i < 3; i++) {
        f.mineAt(gwei(12));
        held = pipeline.track(f.head(), f.baseFee(f.head()), intent -> true);
        assertThat(held.replaced()).isEmpty();
      }
      assertThat(held.held()).singleElement().asString().contains("above the fee cap of 11000000000 wei");

      // the base fee eases to 10.5 gwei: the replacement (11 gwei) lands, the original (10 gwei) cannot
      f.mineAt(deciGwei(105));
      TrackReport landed = pipeline.track(f.head(), f.baseFee(f.head()), intent -> true);

      assertThat(landed.settled()).singleElement().satisfies(st -> {
        assertThat(st.tx().hash()).isEqualTo(replacement);
        assertThat(st.intentStatus()).isEqualTo(IntentStatus.WON);
      });
      assertThat(f.devnet.chain.receipt(replacement)).isPresent();
      assertThat(f.devnet.chain.receipt(sent.tx().hash())).as("only one tx of the nonce is included").isEmpty();
      assertThat(f.devnet.chain.latestNonce(f.keeperAddress)).isEqualTo(nonce + 1);
      assertThat(f.usdcBalance(RECIPIENT)).isEqualTo(BigInteger.valueOf(5_000_000));

      List<TxRecord> txs = journal.txsAt(31337, f.keeperAddress, nonce);
      assertThat(txs).extracting(TxRecord::hash).containsExactly(sent.tx().hash(), replacement);
      assertThat(txs).extracting(TxRecord::status).containsExactly(TxStatus.REPLACED, TxStatus.INCLUDED);
      assertThat(journal.intent(sent.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.WON);
      OutcomeRecord o = journal.outcome(replacement).orElseThrow();
      // paid min(11, 10.5 + 1.1) = 11 gwei per gas; revenue 5 USDC read from the Transfer event
      assertThat(o.effectiveGasPriceWei()).isEqualTo(gwei(11));
      assertThat(o.realizedRevenueUsdWad()).isEqualTo(new BigInteger("5000000000000000000"));
      assertThat(o.gasCostUsdWad()).isEqualTo(o.gasCostWei().multiply(BigInteger.valueOf(3000)));
      assertThat(pipeline.nonces().inFlight()).isEmpty();
      assertThat(journal.unsettledNonces(31337, f.keeperAddress)).isEmpty();
    }
  }
}
