package io.collateralkeeper.devnet.relay;

import static io.collateralkeeper.devnet.relay.RelayFixture.ETH;
import static io.collateralkeeper.devnet.relay.RelayFixture.GWEI;
import static io.collateralkeeper.devnet.relay.RelayFixture.address;
import static io.collateralkeeper.devnet.relay.RelayFixture.dev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.BundleRelayException;
import io.collateralkeeper.execution.bundle.CallBundleParams;
import io.collateralkeeper.execution.bundle.CallBundleResult;
import io.collateralkeeper.execution.bundle.DecodedTx;
import io.collateralkeeper.execution.bundle.FlashbotsSignature;
import io.collateralkeeper.execution.bundle.SendBundleParams;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** The devnet bundle relay on a real Anvil chain: atomic inclusion, signature checks, simulation. */
class DevnetBundleRelayIT {
  private static final Address X = Address.of("0x000000000000000000000000000000000000aaaa");
  private static final Address Y = Address.of("0x000000000000000000000000000000000000bbbb");
  private static final Address REVERTER = Address.of("0x000000000000000000000000000000000000dead");
  private RelayFixture fx;

  @AfterEach
  void stop() {
    if (fx != null) fx.close();
  }

  @Test
  void shouldIncludeABundleAtomicallyInTheTargetBlockInItsOrder() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    long head = fx.chain.blockNumber();
    // tx2 is sent by a fresh key that only tx1 funds: it is valid only after tx1, in the same block
    Credentials fresh = Credentials.create("0x" + "11".repeat(32));
    String tx1 = fx.transfer(dev(3), fx.nonce(dev(3)), address(fresh), ETH);
    String tx2 = fx.transfer(fresh, 0, Y, ETH.divide(BigInteger.TWO));

    String hash = fx.client.sendBundle(SendBundleParams.of(List.of(tx1, tx2), head + 1, null));

    assertThat(hash).isEqualTo(DecodedTx.bundleHash(DecodedTx.decodeAll(List.of(tx1, tx2))));
    assertThat(fx.chain.blockNumber()).isEqualTo(head + 1);
    TransactionReceipt r1 = receipt(tx1);
    TransactionReceipt r2 = receipt(tx2);
    assertThat(r1.getBlockNumber().longValueExact()).isEqualTo(head + 1);
    assertThat(r2.getBlockNumber()).isEqualTo(r1.getBlockNumber());
    assertThat(r1.getTransactionIndex().intValueExact()).isEqualTo(0);
    assertThat(r2.getTransactionIndex().intValueExact()).isEqualTo(1);
    assertThat(r1.isStatusOK() && r2.isStatusOK()).isTrue();
    assertThat(fx.chain.balance(Y)).isEqualTo(ETH.divide(BigInteger.TWO));
    // the fresh key paid its own gas out of what tx1 sent: no balance lent for Anvil's admission check remains
    BigInteger gas2 = r2.getGasUsed().multiply(Numeric.decodeQuantity(r2.getEffectiveGasPrice()));
    assertThat(fx.chain.balance(address(fresh))).isEqualTo(ETH.subtract(ETH.divide(BigInteger.TWO)).subtract(gas2));
    assertThat(fx.relay.pendingBundles()).isZero();
  }

  @Test
  void shouldIncludeNothingWhenTheSecondTransactionReverts() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    fx.setCode(REVERTER, RelayFixture.REVERTER_CODE);
    long head = fx.chain.blockNumber();
    long nonce = fx.nonce(dev(4));
    String tx1 = fx.transfer(dev(4), nonce, X, ETH);
    String tx2 = fx.call(dev(4), nonce + 1, REVERTER, GWEI);

    fx.client.sendBundle(SendBundleParams.of(List.of(tx1, tx2), head + 1, null));

    assertThat(fx.chain.blockNumber()).isEqualTo(head);
    assertThat(fx.chain.balance(X)).isZero();
    assertThat(fx.nonce(dev(4))).isEqualTo(nonce);
    assertThat(fx.mempoolSize()).isZero();
    assertThat(fx.chain.receipt(DecodedTx.decode(tx1).hash())).isEmpty();
  }

  @Test
  void shouldRevertABlockInWhichTheBundleFailedAndKeepThePublicTransaction() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL);
    Address once = Address.of("0x000000000000000000000000000000000000cccc");
    fx.setCode(once, RelayFixture.ONCE_CODE);
    // a public transaction from an impersonated account, tipping more, calls the once-only contract first
    Address searcher = Address.of("0x000000000000000000000000000000000000beef");
    fx.devnet.setBalances(List.of(searcher), ETH);
    fx.chain.rpc("anvil_impersonateAccount", searcher.hex());
    fx.devnet.setAutomine(false);
    long head = fx.chain.blockNumber();
    fx.chain.rpc(
        "eth_sendTransaction",
        Map.of("from", searcher.hex(), "to", once.hex(), "gas", "0x186a0",
            "maxFeePerGas", "0x174876e800", "maxPriorityFeePerGas", "0x2540be400"));
    long nonce = fx.nonce(dev(5));
    String tx1 = fx.transfer(dev(5), nonce, X, ETH);
    String tx2 = fx.call(dev(5), nonce + 1, once, GWEI); // passes alone, reverts after the public call
    String bundleHash = fx.client.sendBundle(SendBundleParams.of(List.of(tx1, tx2), head + 1, null));

    BlockBuildReport report = fx.relay.buildBlock();

    assertThat(report.block()).hasValue(head + 1);
    assertThat(report.included()).isEmpty();
    assertThat(report.rejected()).containsKey(bundleHash);
    // rejected after mining (the simulation alone passed), not by the pre-simulation
    assertThat(report.rejected().get(bundleHash)).isEqualTo("tx " + DecodedTx.decode(tx2).hash() + " reverted");
    assertThat(fx.chain.blockNumber()).isEqualTo(head + 1);
    assertThat(fx.chain.block(head + 1).getTransactions()).hasSize(1);
    assertThat(fx.slot0(once)).isEqualTo(BigInteger.ONE); // the public call landed
    assertThat(fx.chain.balance(X)).isZero(); // the bundle's first transaction did not
    assertThat(fx.nonce(dev(5))).isEqualTo(nonce);
    assertThat(fx.mempoolSize()).isZero();
  }

  @Test
  void shouldRejectAMissingOrInvalidSignature() throws Exception {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    long head = fx.chain.blockNumber();
    String tx = fx.transfer(dev(6), fx.nonce(dev(6)), X, ETH);
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendBundle\",\"params\":[{\"txs\":[\"" + tx
            + "\"],\"blockNumber\":\"0x" + Long.toHexString(head + 1) + "\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var identity = dev(9).getEcKeyPair();
    String signedOther = FlashbotsSignature.header("{}".getBytes(StandardCharsets.UTF_8), identity);
    String good = FlashbotsSignature.header(bytes, identity);
    String otherAddress = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8:" + good.split(":")[1];

    assertThat(post(body, null)).isEqualTo("403 {\"error\":\"missing X-Flashbots-Signature header\"}");
    assertThat(post(body, signedOther)).startsWith("403 {\"error\":\"error in signature check 0x");
    assertThat(post(body, otherAddress))
        .isEqualTo("403 {\"error\":\"error in signature check 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\"}");
    assertThat(fx.chain.blockNumber()).isEqualTo(head);
    assertThat(fx.chain.balance(X)).isZero();

    assertThat(post(body, good)).startsWith("200 {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"bundleHash\":\"0x");
    assertThat(fx.chain.balance(X)).isEqualTo(ETH);
  }

  @Test
  void shouldSimulateWithCallBundleWithoutChangingState() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    fx.setCode(REVERTER, RelayFixture.REVERTER_CODE);
    long head = fx.chain.blockNumber();
    long nonce = fx.nonce(dev(7));
    String tx1 = fx.transfer(dev(7), nonce, X, ETH);
    String tx2 = fx.call(dev(7), nonce + 1, REVERTER, GWEI);

    CallBundleResult sim = fx.client.callBundle(CallBundleParams.nextBlock(List.of(tx1, tx2), head));

    assertThat(sim.bundleHash()).isEqualTo(DecodedTx.bundleHash(DecodedTx.decodeAll(List.of(tx1, tx2))));
    assertThat(sim.stateBlockNumber()).isEqualTo(head);
    assertThat(sim.results()).hasSize(2);
    assertThat(sim.results().get(0).succeeded()).isTrue();
    assertThat(sim.results().get(0).gasUsed()).isEqualTo(21_000);
    assertThat(sim.results().get(0).txHash()).isEqualTo(DecodedTx.decode(tx1).hash());
    assertThat(sim.results().get(1).error()).isEqualTo("execution reverted");
    assertThat(sim.firstFailure()).map(r -> r.txHash()).contains(DecodedTx.decode(tx2).hash());
    assertThat(sim.totalGasUsed()).isEqualTo(sim.results().get(0).gasUsed() + sim.results().get(1).gasUsed());
    // nothing happened on chain
    assertThat(fx.chain.blockNumber()).isEqualTo(head);
    assertThat(fx.chain.balance(X)).isZero();
    assertThat(fx.nonce(dev(7))).isEqualTo(nonce);
    assertThat(fx.mempoolSize()).isZero();

    // a wrong nonce is a JSON-RPC error, as on Flashbots
    String skipped = fx.transfer(dev(7), nonce + 5, X, ETH);
    assertThatThrownBy(() -> fx.client.callBundle(CallBundleParams.nextBlock(List.of(skipped), head)))
        .isInstanceOfSatisfying(BundleRelayException.class, e -> assertThat(e.answered()).isTrue())
        .hasMessageContaining("nonce too high");
  }

  @Test
  void shouldDropABundleForAPastBlockAndLetALaterBundleReplaceAWaitingOne() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL);
    long head = fx.chain.blockNumber();
    long nonce = fx.nonce(dev(8));
    fx.client.sendBundle(SendBundleParams.of(List.of(fx.transfer(dev(8), nonce, X, ETH)), head, null));
    assertThat(fx.relay.droppedBundles()).isEqualTo(1);

    String toX = fx.transfer(dev(8), nonce, X, ETH);
    String toY = fx.transfer(dev(8), nonce, Y, ETH);
    fx.client.sendBundle(SendBundleParams.of(List.of(toX), head + 1, "uuid-1"));
    fx.client.sendBundle(SendBundleParams.of(List.of(toY), head + 1, "uuid-1"));
    BlockBuildReport report = fx.relay.buildBlock();

    assertThat(report.included()).hasSize(1);
    assertThat(fx.chain.balance(X)).isZero();
    assertThat(fx.chain.balance(Y)).isEqualTo(ETH);
  }

  private TransactionReceipt receipt(String raw) {
    return fx.chain.receipt(DecodedTx.decode(raw).hash()).orElseThrow();
  }

  /** POSTs {@code body} to the relay, with the given signature header (or none); returns "status body". */
  private String post(String body, String signature) throws Exception {
    OkHttpClient http = new OkHttpClient();
    Request.Builder req =
        new Request.Builder().url(fx.relay.url()).post(RequestBody.create(body, MediaType.get("application/json")));
    if (signature != null) req.header(FlashbotsSignature.HEADER, signature);
    try (Response res = http.newCall(req.build()).execute()) {
      return res.code() + " " + res.body().string();
    }
  }
}
