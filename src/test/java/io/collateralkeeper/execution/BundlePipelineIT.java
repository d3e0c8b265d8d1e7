package io.collateralkeeper.execution;

import static io.collateralkeeper.execution.PipelineFixture.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.devnet.DelayingRpcProxy;
import io.collateralkeeper.devnet.relay.DevnetBundleRelay;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.BundleAttempt;
import io.collateralkeeper.execution.bundle.BundleClient;
import io.collateralkeeper.execution.bundle.BundleRoute;
import io.collateralkeeper.execution.bundle.RelayEndpoint;
import io.collateralkeeper.devnet.relay.RelayFixture;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.Route;
import io.collateralkeeper.journal.TxKind;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.protocol.TxCall;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on the bundle route, against the devnet relay on Anvil: transactions go as one bundle per block and
 * never to the public mempool; a transaction whose bundle simulation reverts is cancelled at its nonce so the ones
 * after it still land; a lone reverting or expired intent is dropped and its nonce handed out again.
 */
class BundlePipelineIT {
  static final Address ALICE = Address.of("0x00000000000000000000000000000000000a11ce");
  static final Address BOB = Address.of("0x0000000000000000000000000000000000000b0b");
  static final Address REVERTER = Address.of("0x00000000000000000000000000000000deadbeef");
  static final FeeQuote FEE = new FeeQuote(gwei(50), gwei(2), BigInteger.ZERO);

  @TempDir Path dir;
  PipelineFixture f;
  DevnetBundleRelay relay;
  DelayingRpcProxy proxy;
  ChainClient keeperChain;
  BundleClient relayClient;
  Journal journal;

  @BeforeEach
  void start() {
    f = new PipelineFixture(dir);
    relay = DevnetBundleRelay.start(f.devnet.chain, DevnetBundleRelay.Mode.BUILD_ON_CALL);
    proxy = new DelayingRpcProxy(f.devnet.anvil.rpcUrl(), "none", Duration.ZERO);
    keeperChain = ChainClient.http(proxy.url(), Duration.ofSeconds(30));
    relayClient = BundleClient.connect(new RelayEndpoint("devnet", relay.url(), true), RelayFixture.identity(), Duration.ofSeconds(30));
    journal = f.openJournal();
    f.devnet.chain.rpc("anvil_setCode", REVERTER.hex(), RelayFixture.REVERTER_CODE);
  }

  @AfterEach
  void stop() {
    journal.close();
    relayClient.close();
    keeperChain.close();
    proxy.close();
    relay.close();
    f.close();
  }

  TxPipeline pipeline(long maxBlocks) {
    long head = f.head();
    PipelineSettings settings =
        new PipelineSettings(3, new FeePolicy(gwei(100), gwei(1)),
            Optional.of(new BundleMode(new BundleRoute(keeperChain, List.of(relayClient)), maxBlocks)));
    return TxPipeline.start(keeperChain, journal, f.keeper, 31337, settings, PipelineFixture::value, head, f.baseFee(head));
  }

  Submission.Sent submit(TxPipeline p, IntentSpec intent, TxCall call) {
    return (Submission.Sent) p.submit(intent, call, PipelineFixture.MINT_GAS, FEE, f.head());
  }

  @Test
  void shouldSendEveryTransactionAsOneBundleAndNeverToThePublicMempool() throws Exception {
    TxPipeline p = pipeline(5);
    Submission.Sent a = submit(p, PipelineFixture.mintIntent(ALICE, 1_000_000), f.mintCall(ALICE, 1_000_000));
    Submission.Sent b = submit(p, PipelineFixture.mintIntent(BOB, 2_000_000), f.mintCall(BOB, 2_000_000));
    assertThat(a.confirmed()).as("not sent until the flush").isFalse();

    assertThat(p.flush(f.head())).get().isInstanceOf(BundleAttempt.Sent.class);
    relay.buildBlock();
    TrackReport r = p.track(f.head(), f.baseFee(f.head()), i -> true);

    assertThat(r.settled()).extracting(SettledTx::intentStatus).containsExactly(IntentStatus.WON, IntentStatus.WON);
    long block = f.devnet.chain.receipt(a.tx().hash()).orElseThrow().getBlockNumber().longValueExact();
    assertThat(f.devnet.chain.receipt(b.tx().hash()).orElseThrow().getBlockNumber().longValueExact()).isEqualTo(block);
    assertThat(f.usdcBalance(ALICE)).isEqualTo(BigInteger.valueOf(1_000_000));
    assertThat(f.usdcBalance(BOB)).isEqualTo(BigInteger.valueOf(2_000_000));
    assertThat(journal.tx(a.tx().hash()).orElseThrow().route()).isEqualTo(Route.BUNDLE);
    assertThat(proxy.requests()).noneMatch(body -> body.contains("eth_sendRawTransaction"));
  }

  @Test
  void shouldCancelAReverterAtItsNonceSoTheTransactionsAfterItStillLand() throws Exception {
    TxPipeline p = pipeline(5);
    Submission.Sent bad =
        submit(p, new IntentSpec("test", REVERTER, "liquidate", BigInteger.ONE), TxCall.of(REVERTER, "0x"));
    Submission.Sent good = submit(p, PipelineFixture.mintIntent(BOB, 3_000_000), f.mintCall(BOB, 3_000_000));

    assertThat(p.flush(f.head())).get().isInstanceOf(BundleAttempt.Sent.class);
    relay.buildBlock();
    TrackReport r = p.track(f.head(), f.baseFee(f.head()), i -> true);

    assertThat(r.settled()).extracting(SettledTx::intentStatus)
        .containsExactly(IntentStatus.CANCELLED, IntentStatus.WON);
    assertThat(f.devnet.chain.receipt(bad.tx().hash())).as("the reverting call never ran").isEmpty();
    List<TxRecord> atNonce = journal.txsAt(31337, f.keeperAddress, bad.tx().nonce().longValueExact());
    assertThat(atNonce).extracting(TxRecord::kind).containsExactly(TxKind.CALL, TxKind.CANCEL);
    assertThat(f.usdcBalance(BOB)).isEqualTo(BigInteger.valueOf(3_000_000));
    assertThat(good.tx().nonce()).isEqualTo(bad.tx().nonce().add(BigInteger.ONE));
  }

  @Test
  void shouldDropALoneReverterAndHandItsNonceOutAgain() throws Exception {
    TxPipeline p = pipeline(5);
    Submission.Sent bad =
        submit(p, new IntentSpec("test", REVERTER, "liquidate", BigInteger.ONE), TxCall.of(REVERTER, "0x"));

    p.flush(f.head());

    assertThat(journal.intent(bad.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
    assertThat(relay.pendingBundles()).isZero();
    Submission.Sent next = submit(p, PipelineFixture.mintIntent(ALICE, 5), f.mintCall(ALICE, 5));
    assertThat(next.tx().nonce()).isEqualTo(bad.tx().nonce());
    p.flush(f.head());
    relay.buildBlock();
    assertThat(p.track(f.head(), f.baseFee(f.head()), i -> true).settled())
        .extracting(SettledTx::intentStatus).containsExactly(IntentStatus.WON);
  }

  @Test
  void shouldGiveUpAnIntentAfterMaxBundleBlocksWithoutInclusion() throws Exception {
    TxPipeline p = pipeline(2);
    Submission.Sent sent = submit(p, PipelineFixture.mintIntent(ALICE, 7), f.mintCall(ALICE, 7));
    p.flush(f.head());
    for (int i = 0; i < 2; i++) {
      f.devnet.devnet.mine(); // blocks built without the relay: the bundle misses them
      p.track(f.head(), f.baseFee(f.head()), intent -> true);
      p.flush(f.head());
    }

    assertThat(journal.intent(sent.intent().id()).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
    assertThat(f.devnet.chain.latestNonce(f.keeperAddress)).as("nothing landed").isEqualTo(sent.tx().nonce());
    assertThat(f.usdcBalance(ALICE)).isZero();
  }
}
