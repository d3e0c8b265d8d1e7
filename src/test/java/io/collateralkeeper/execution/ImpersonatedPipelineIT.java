package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import io.collateralkeeper.wallet.ImpersonatedSigner;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline acting as an address without its key, impersonated on Anvil: every transaction is journaled with the
 * hash Anvil then gives it, sent with eth_sendTransaction, replaced when stuck, cancelled when unwanted and settled
 * from its receipt, exactly as with a real key.
 */
class ImpersonatedPipelineIT {
  static final Address KEEPER = Address.of("0x00000000000000000000000000000000000be11e");
  static final Address ALICE = Address.of("0x00000000000000000000000000000000000a11ce");
  static final Address BOB = Address.of("0x0000000000000000000000000000000000000b0b");

  @TempDir Path dir;

  @Test
  void shouldJournalSendReplaceCancelAndSettleAsAnImpersonatedAccount() throws Exception {
    try (PipelineFixture f = new PipelineFixture(dir, ImpersonatedSigner.of(KEEPER));
        Journal journal = f.openJournal()) {
      f.devnet.devnet.impersonate(KEEPER);
      f.devnet.devnet.setBalances(List.of(KEEPER), BigInteger.TEN.pow(19));
      TxPipeline pipeline = f.startPipeline(journal, 2, new FeePolicy(gwei(50), gwei(1)));

      Submission.Sent mint =
          sent(
              pipeline.submit(PipelineFixture.mintIntent(ALICE, 7_000_000), f.mintCall(ALICE, 7_000_000),
                  PipelineFixture.MINT_GAS, new FeeQuote(gwei(10), gwei(1), BigInteger.ZERO), f.head()));
      assertThat(mint.confirmed()).isTrue();
      Map<?, ?> pooled = (Map<?, ?>) f.devnet.chain.rpc("eth_getTransactionByHash", mint.tx().hash());
      assertThat(pooled).as("Anvil knows the journaled hash").isNotNull();
      assertThat(pooled.get("from")).isEqualTo(KEEPER.hex());

      // a second intent at the next nonce, which will no longer be wanted
      Submission.Sent unwanted =
          sent(
              pipeline.submit(PipelineFixture.mintIntent(BOB, 1_000_000), f.mintCall(BOB, 1_000_000),
                  PipelineFixture.MINT_GAS, new FeeQuote(gwei(10), gwei(1), BigInteger.ZERO), f.head()));

      // both stuck under a 10.5 gwei base fee: the unwanted one is cancelled at once, the other replaced after K = 2
      // blocks at its nonce with +10% fees (Anvil refuses eth_sendTransaction below the base fee: the bump clears it)
      f.mineAt(PipelineFixture.deciGwei(105));
      TrackReport first = pipeline.track(f.head(), f.baseFee(f.head()), i -> !i.account().equals(BOB));
      assertThat(first.cancelled()).singleElement()
          .satisfies(c -> assertThat(c.nonce()).isEqualTo(unwanted.tx().nonce().longValueExact()));
      assertThat(first.replaced()).isEmpty();
      f.mineAt(PipelineFixture.deciGwei(105));
      TrackReport stuck = pipeline.track(f.head(), f.baseFee(f.head()), i -> !i.account().equals(BOB));
      assertThat(stuck.replaced()).singleElement().satisfies(r -> assertThat(r.supersedes()).contains(mint.tx().hash()));
      String replacement = stuck.replaced().get(0).hash();

      f.mineAt(gwei(5));
      TrackReport landed = pipeline.track(f.head(), f.baseFee(f.head()), i -> !i.account().equals(BOB));
      assertThat(landed.settled()).hasSize(2);
      assertThat(f.devnet.chain.receipt(replacement)).hasValueSatisfying(r -> assertThat(r.isStatusOK()).isTrue());
      assertThat(f.devnet.chain.receipt(mint.tx().hash())).isEmpty();
      assertThat(f.usdcBalance(ALICE)).isEqualTo(BigInteger.valueOf(7_000_000));
      assertThat(f.usdcBalance(BOB)).isZero();
      assertThat(journal.intent(mint.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.WON);
      assertThat(journal.intent(unwanted.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.CANCELLED);
      assertThat(journal.txsAt(31337, KEEPER, mint.tx().nonce().longValueExact()))
          .extracting(TxRecord::status)
          .containsExactly(TxStatus.REPLACED, TxStatus.INCLUDED);
      assertThat(journal.outcome(replacement).orElseThrow().realizedRevenueUsdWad())
          .isEqualTo(new BigInteger("7000000000000000000"));
      assertThat(pipeline.nonces().inFlight()).isEmpty();
    }
  }

  private static Submission.Sent sent(Submission s) {
    if (s instanceof Submission.Refused r) throw new AssertionError("refused: " + r.reason());
    return (Submission.Sent) s;
  }
}
