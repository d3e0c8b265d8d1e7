package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TxPipeline#track} settles what the chain consumed by the head it is given, not by "latest": a keeper whose
 * state was read at head H must not close the intent of a transaction mined after H, or it would plan the account
 * again from state that does not show the transaction yet (and every simulation at "latest" would then revert).
 */
class TrackAtHeadIT {
  static final Address RECIPIENT = Address.of("0x00000000000000000000000000000000000b0b01");

  @TempDir Path dir;

  @Test
  void aTransactionMinedAfterTheHeadStaysInFlightUntilAHeadThatIncludesIt() throws Exception {
    try (PipelineFixture f = new PipelineFixture(dir);
        Journal journal = f.openJournal()) {
      FeePolicy fees = new FeePolicy(gwei(100), gwei(1));
      TxPipeline pipeline = f.startPipeline(journal, 3, fees);
      long before = f.head();
      Submission.Sent sent =
          (Submission.Sent)
              pipeline.submit(PipelineFixture.mintIntent(RECIPIENT, 5_000_000), f.mintCall(RECIPIENT, 5_000_000),
                  PipelineFixture.MINT_GAS, fees.quote(f.baseFee(before)).orElseThrow(), before);
      f.mineAt(gwei(1));
      long included = f.head();
      assertThat(f.devnet.chain.receipt(sent.tx().hash())).isPresent();

      // the keeper is still at the head before the inclusion (its state was read there)
      TrackReport stale = pipeline.track(before, f.baseFee(before), intent -> true);

      assertThat(stale.settled()).isEmpty();
      assertThat(pipeline.nonces().inFlight()).containsExactly(sent.tx().nonce().longValueExact());
      assertThat(journal.intent(sent.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.OPEN);

      TrackReport r = pipeline.track(included, f.baseFee(included), intent -> true);

      assertThat(r.settled()).singleElement().satisfies(st -> assertThat(st.intentStatus()).isEqualTo(IntentStatus.WON));
      assertThat(pipeline.nonces().inFlight()).isEmpty();
    }
  }
}
