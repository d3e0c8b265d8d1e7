package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.NewTx;
import io.collateralkeeper.journal.Route;
import io.collateralkeeper.journal.TxKind;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * A keeper stopped mid-burst leaves a journal with a transaction included while it was down, one signed but never
 * broadcast, two broadcast (queued behind the unbroadcast one) and a nonce whose transaction the node refused. A new
 * pipeline over the same journal and chain settles, re-broadcasts and fills the gap: every intent is executed exactly
 * once, no nonce gap is left, and the journal accounts for every transaction.
 */
class ReconcilerIT {
  static final Address A = Address.of("0x000000000000000000000000000000000000000a");
  static final Address B = Address.of("0x000000000000000000000000000000000000000b");
  static final Address C = Address.of("0x000000000000000000000000000000000000000c");
  static final Address D = Address.of("0x000000000000000000000000000000000000000d");
  static final Address E = Address.of("0x000000000000000000000000000000000000000e");

  @TempDir Path dir;

  @Test
  void shouldResumeAfterACrashWithoutSendingAnythingTwiceOrLeavingANonceGap() throws Exception {
    try (PipelineFixture f = new PipelineFixture(dir)) {
      FeePolicy fees = new FeePolicy(gwei(100), gwei(1));
      TxSigner signer = new TxSigner(f.keeper, 31337);
      long n0;
      Map<Address, Long> intents;
      // ---- before the crash
      try (Journal journal = f.openJournal()) {
        TxPipeline first = f.startPipeline(journal, 3, fees);
        n0 = first.nonces().peekNext();
        FeeQuote fee = fees.quote(f.baseFee(f.head())).orElseThrow();
        Submission.Sent a =
            (Submission.Sent) first.submit(PipelineFixture.mintIntent(A, 1_000_000), f.mintCall(A, 1_000_000),
                PipelineFixture.MINT_GAS, fee, f.head());
        f.mineAt(gwei(1)); // A lands while nobody tracks it
        fee = fees.quote(f.baseFee(f.head())).orElseThrow();
        // B: journaled, then the process died before the broadcast
        long b = journalOnly(journal, f, signer, n0 + 1, B, 2_000_000, fee);
        // C and D: journaled and broadcast (queued at the node behind B's missing nonce)
        long c = journalOnly(journal, f, signer, n0 + 2, C, 3_000_000, fee);
        broadcast(journal, f, n0 + 2);
        // E: journaled, refused by the node -> dropped; its nonce is a gap below D
        long e = journalOnly(journal, f, signer, n0 + 3, E, 5_000_000, fee);
        journal.markDropped(journal.txsAt(31337, f.keeperAddress, n0 + 3).get(0).hash(), Optional.of(IntentStatus.FAILED));
        long d = journalOnly(journal, f, signer, n0 + 4, D, 4_000_000, fee);
        broadcast(journal, f, n0 + 4);
        intents = Map.of(A, a.intent().id(), B, b, C, c, D, d, E, e);
        assertThat(f.devnet.chain.latestNonce(f.keeperAddress)).isEqualTo(n0 + 1);
      }

      // ---- restart over the same journal and chain
      try (Journal journal = f.openJournal()) {
        TxPipeline second = f.startPipeline(journal, 3, fees);

        ReconcileSummary summary = second.startup();
        assertThat(summary.includedWhileDown()).isEqualTo(1); // A
        assertThat(summary.retracked()).isEqualTo(3); // B (first broadcast now), C, D
        assertThat(summary.gapsFilled()).isEqualTo(1); // E's nonce
        assertThat(summary.consumedElsewhere()).isZero();
        assertThat(summary.nextNonce()).isEqualTo(n0 + 5);
        assertThat(journal.intent(intents.get(A)).orElseThrow().status()).isEqualTo(IntentStatus.WON);
        // an open intent is never sent again
        Submission again =
            second.submit(PipelineFixture.mintIntent(B, 2_000_000), f.mintCall(B, 2_000_000), PipelineFixture.MINT_GAS,
                fees.quote(f.baseFee(f.head())).orElseThrow(), f.head());
        assertThat(again).isInstanceOf(Submission.Refused.class);
        assertThat(((Submission.Refused) again).reason()).contains("already open");

        f.mineAt(gwei(1));
        TrackReport r = second.track(f.head(), f.baseFee(f.head()), intent -> true);

        assertThat(r.settled()).hasSize(4);
        assertThat(r.replaced()).isEmpty();
        // no nonce gap: everything up to n0 + 4 is consumed and nothing is pending
        assertThat(f.devnet.chain.latestNonce(f.keeperAddress)).isEqualTo(n0 + 5);
        assertThat(f.devnet.chain.pendingNonce(f.keeperAddress)).isEqualTo(n0 + 5);
        assertThat(second.nonces().inFlight()).isEmpty();
        assertThat(second.nonces().gaps()).isEmpty();
        assertThat(journal.unsettledNonces(31337, f.keeperAddress)).isEmpty();
        // nothing sent twice: exactly one mined tx per nonce, and every mint executed once
        assertThat(minedTxsFrom(f, f.keeperAddress)).isEqualTo(5);
        assertThat(f.usdcBalance(A)).isEqualTo(1_000_000);
        assertThat(f.usdcBalance(B)).isEqualTo(2_000_000);
        assertThat(f.usdcBalance(C)).isEqualTo(3_000_000);
        assertThat(f.usdcBalance(D)).isEqualTo(4_000_000);
        assertThat(f.usdcBalance(E)).isZero();
        // the journal accounts for every transaction
        for (Address won : List.of(A, B, C, D)) {
          assertThat(journal.intent(intents.get(won)).orElseThrow().status()).isEqualTo(IntentStatus.WON);
        }
        assertThat(journal.intent(intents.get(E)).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
        List<TxRecord> gap = journal.txsAt(31337, f.keeperAddress, n0 + 3);
        assertThat(gap).extracting(TxRecord::kind, TxRecord::status, t -> t.intentId().isPresent())
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(TxKind.CALL, TxStatus.DROPPED, true),
                org.assertj.core.groups.Tuple.tuple(TxKind.CANCEL, TxStatus.INCLUDED, false));
        for (long n = n0; n < n0 + 5; n++) {
          List<TxRecord> txs = journal.txsAt(31337, f.keeperAddress, n);
          assertThat(txs.stream().filter(t -> t.status() == TxStatus.INCLUDED)).as("nonce %d", n).hasSize(1);
          for (TxRecord t : txs) {
            boolean onChain = f.devnet.chain.receipt(t.hash()).isPresent();
            assertThat(onChain).as("tx %s", t.hash()).isEqualTo(t.status() == TxStatus.INCLUDED);
            if (onChain) assertThat(journal.outcome(t.hash())).isPresent();
          }
        }
      }
    }
  }

  /** Signs a mint at {@code nonce} and journals intent and transaction, as the pipeline does before broadcasting. */
  private static long journalOnly(
      Journal journal, PipelineFixture f, TxSigner signer, long nonce, Address to, long units, FeeQuote fee) {
    SignedTx s = signer.sign(nonce, f.mintCall(to, units), PipelineFixture.MINT_GAS, fee);
    IntentSpec spec = PipelineFixture.mintIntent(to, units);
    NewTx tx =
        new NewTx(s.hash(), OptionalLong.empty(), 31337, f.keeperAddress, nonce, TxKind.CALL, s.maxFeeWei(), s.tipWei(),
            s.gasLimit(), Route.PUBLIC, s.rawHex(), f.head());
    IntentRecord intent = journal.openIntent(31337, spec, tx).orElseThrow();
    return intent.id();
  }

  /** Broadcasts the journaled transaction at {@code nonce} and records it, as the pipeline does. */
  private static void broadcast(Journal journal, PipelineFixture f, long nonce) {
    TxRecord t = journal.txsAt(31337, f.keeperAddress, nonce).get(0);
    f.devnet.chain.sendRaw(t.rawSignedHex());
    journal.markBroadcast(t.hash(), List.of());
  }

  private static int minedTxsFrom(PipelineFixture f, Address from) throws Exception {
    int count = 0;
    long head = f.head();
    for (long b = 0; b <= head; b++) {
      EthBlock.Block block =
          f.devnet.chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(b)), true).send()
              .getBlock();
      for (EthBlock.TransactionResult<?> tr : block.getTransactions()) {
        EthBlock.TransactionObject tx = (EthBlock.TransactionObject) tr.get();
        if (from.hex().equalsIgnoreCase(tx.getFrom())) count++;
      }
    }
    return count;
  }
}
