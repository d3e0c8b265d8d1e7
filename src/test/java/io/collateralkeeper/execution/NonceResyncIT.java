package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another sender of the same key consumes the nonce the pipeline was about to use: the node answers "nonce too
 * low", the pipeline re-syncs, journals the refused copy as dropped and sends the intent at the next free nonce,
 * once.
 */
class NonceResyncIT {
  static final Address RECIPIENT = Address.of("0x0000000000000000000000000000000000c0ffee");

  @TempDir Path dir;

  @Test
  void shouldResyncOnNonceTooLowAndSendTheIntentOnceAtTheNextFreeNonce() throws Exception {
    try (PipelineFixture f = new PipelineFixture(dir);
        Journal journal = f.openJournal()) {
      FeePolicy fees = new FeePolicy(gwei(100), gwei(1));
      TxPipeline pipeline = f.startPipeline(journal, 3, fees);
      long n = pipeline.nonces().peekNext();
      FeeQuote fee = fees.quote(f.baseFee(f.head())).orElseThrow();
      // the same key, used outside this keeper, takes nonce n
      f.devnet.chain.sendRaw(new TxSigner(f.keeper, 31337).cancel(n, fee).rawHex());
      f.mineAt(gwei(1));

      Submission s =
          pipeline.submit(PipelineFixture.mintIntent(RECIPIENT, 9_000_000), f.mintCall(RECIPIENT, 9_000_000),
              PipelineFixture.MINT_GAS, fee, f.head());

      assertThat(s).isInstanceOf(Submission.Sent.class);
      Submission.Sent sent = (Submission.Sent) s;
      assertThat(sent.tx().nonce()).isEqualTo(n + 1);
      assertThat(journal.txsOf(sent.intent().id())).extracting(TxRecord::nonce, TxRecord::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(n, TxStatus.DROPPED),
              org.assertj.core.groups.Tuple.tuple(n + 1, TxStatus.BROADCAST));
      assertThat(pipeline.nonces().state(n)).contains(NonceState.INCLUDED);

      f.mineAt(gwei(1));
      TrackReport r = pipeline.track(f.head(), f.baseFee(f.head()), intent -> true);

      assertThat(r.settled()).singleElement().satisfies(st -> assertThat(st.intentStatus()).isEqualTo(IntentStatus.WON));
      assertThat(f.usdcBalance(RECIPIENT)).isEqualTo(9_000_000);
      assertThat(f.devnet.chain.latestNonce(f.keeperAddress)).isEqualTo(n + 2);
      assertThat(pipeline.nonces().inFlight()).isEmpty();
      assertThat(pipeline.nonces().gaps()).isEmpty();
    }
  }
}
