package io.collateralkeeper.execution.bundle;

import static io.collateralkeeper.devnet.relay.RelayFixture.ETH;
import static io.collateralkeeper.devnet.relay.RelayFixture.GWEI;
import static io.collateralkeeper.devnet.relay.RelayFixture.dev;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.relay.DevnetBundleRelay;
import io.collateralkeeper.devnet.relay.RelayFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.Bid;
import io.collateralkeeper.execution.BidPolicy;
import io.collateralkeeper.execution.BidSettings;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** The bundle route against the devnet relay on Anvil: resend per block until included, outbid or told to stop. */
class BundleRouteIT {
  private static final Address X = Address.of("0x000000000000000000000000000000000000aaaa");
  private RelayFixture fx;

  @AfterEach
  void stop() {
    if (fx != null) fx.close();
  }

  @Test
  void shouldResendForTheNextBlockWhenTheTargetPassedWithoutInclusion() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL);
    BundleRoute route = new BundleRoute(fx.chain, List.of(fx.client));
    long head = fx.chain.blockNumber();
    String tx = fx.transfer(dev(2), fx.nonce(dev(2)), X, ETH);

    BundleSubmission s = route.submit(List.of(tx), head, StopCondition.NEVER);
    assertThat(s.status())
        .isInstanceOfSatisfying(BundleStatus.Pending.class, p -> assertThat(p.targetBlock()).isEqualTo(head + 1));
    assertThat(s.onNewBlock(head)).isInstanceOf(BundleStatus.Pending.class); // its block has not come yet
    assertThat(s.sends()).isEqualTo(1);

    fx.devnet.mine(); // block head + 1 is made without the relay: the bundle misses it
    BundleStatus resent = s.onNewBlock(head + 1);
    assertThat(resent).isInstanceOfSatisfying(BundleStatus.Pending.class, p -> assertThat(p.targetBlock()).isEqualTo(head + 2));
    assertThat(s.sends()).isEqualTo(2);

    fx.relay.buildBlock(); // block head + 2, with the resent bundle
    assertThat(s.onNewBlock(head + 2)).isEqualTo(new BundleStatus.Included(head + 2, false));
    assertThat(fx.relay.droppedBundles()).isEqualTo(1); // the copy for head + 1
    assertThat(fx.chain.balance(X)).isEqualTo(ETH);
    assertThat(s.onNewBlock(head + 3)).isEqualTo(new BundleStatus.Included(head + 2, false));
    assertThat(s.sends()).isEqualTo(2);
  }

  @Test
  void shouldStopResendingWhenTheStopConditionSaysSo() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL);
    BundleRoute route = new BundleRoute(fx.chain, List.of(fx.client));
    long head = fx.chain.blockNumber();
    BundleSubmission s =
        route.submit(
            List.of(fx.transfer(dev(2), fx.nonce(dev(2)), X, ETH)),
            head,
            h -> h > head ? Optional.of("no longer profitable") : Optional.empty());

    fx.devnet.mine();
    assertThat(s.onNewBlock(head + 1)).isEqualTo(new BundleStatus.Abandoned("no longer profitable"));
    assertThat(s.sends()).isEqualTo(1);
    fx.relay.buildBlock();
    assertThat(fx.chain.balance(X)).isZero();
  }

  @Test
  void shouldGiveUpWhenAnotherTransactionTookTheNonce() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL);
    BundleRoute route = new BundleRoute(fx.chain, List.of(fx.client));
    long head = fx.chain.blockNumber();
    long nonce = fx.nonce(dev(3));
    BundleSubmission s = route.submit(List.of(fx.transfer(dev(3), nonce, X, ETH)), head, StopCondition.NEVER);

    long mined = fx.sendAndMine(fx.transfer(dev(3), nonce, Address.of("0x000000000000000000000000000000000000bbbb"), ETH));

    assertThat(s.onNewBlock(mined))
        .isInstanceOfSatisfying(BundleStatus.Abandoned.class, a -> assertThat(a.reason()).startsWith("outbid: nonce " + nonce));
  }

  @Test
  void shouldNotSendABundleWhoseSimulationReverts() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    Address reverter = Address.of("0x000000000000000000000000000000000000dead");
    fx.setCode(reverter, RelayFixture.REVERTER_CODE);
    BundleRoute route = new BundleRoute(fx.chain, List.of(fx.client));
    long head = fx.chain.blockNumber();

    BundleSubmission s = route.submit(List.of(fx.call(dev(4), fx.nonce(dev(4)), reverter, GWEI)), head, StopCondition.NEVER);

    assertThat(s.status())
        .isInstanceOfSatisfying(BundleStatus.Abandoned.class, a -> assertThat(a.reason()).contains("failed: execution reverted"));
    assertThat(s.sends()).isZero();
    assertThat(fx.chain.blockNumber()).isEqualTo(head);
  }

  @Test
  void shouldSendToEveryRelayAndCarryOnWhenOneIsDown() throws Exception {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    RelayEndpoint down = new RelayEndpoint("down", "http://127.0.0.1:" + closedPort(), false);
    try (BundleClient dead = BundleClient.connect(down, RelayFixture.identity(), Duration.ofSeconds(2))) {
      BundleRoute route = new BundleRoute(fx.chain, List.of(dead, fx.client));
      long head = fx.chain.blockNumber();
      BundleSubmission s = route.submit(List.of(fx.transfer(dev(5), fx.nonce(dev(5)), X, ETH)), head, StopCondition.NEVER);

      BundleStatus.Pending p = (BundleStatus.Pending) s.status();
      assertThat(p.replies()).extracting(RelayReply::relay).containsExactly("down", "devnet");
      assertThat(p.replies().get(0).error()).hasValueSatisfying(e -> assertThat(e).startsWith("relay down (eth_sendBundle)"));
      assertThat(p.replies().get(1).bundleHash()).contains(s.bundleHash());
      assertThat(s.onNewBlock(fx.chain.blockNumber())).isEqualTo(new BundleStatus.Included(head + 1, false));

      BundleRoute onlyDead = new BundleRoute(fx.chain, List.of(dead));
      BundleSubmission none = onlyDead.submit(List.of(fx.transfer(dev(5), fx.nonce(dev(5)), X, ETH)), head + 1, StopCondition.NEVER);
      assertThat(none.status())
          .isInstanceOfSatisfying(BundleStatus.Abandoned.class, a -> assertThat(a.reason()).startsWith("no relay accepted the bundle"));
    }
  }

  @Test
  void shouldPayNoMoreThanTheBidsWorstCaseAndTheBidNoMoreThanTheProfit() {
    fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL);
    BidPolicy policy = new BidPolicy(BidSettings.defaults());
    long head = fx.chain.blockNumber();
    BigInteger base = fx.chain.latestBlock().getBaseFeePerGas();
    BigInteger profit = new BigInteger("100000000000000"); // 0.0001 ETH expected from the opportunity
    BigInteger gas = BigInteger.valueOf(21_000);
    Bid bid = (Bid) policy.decide(profit, gas, base, GWEI);
    String tx = fx.sign(dev(6), fx.nonce(dev(6)), X, BigInteger.ONE, "0x", 21_000, bid.maxPriorityFeePerGas(), bid.maxFeePerGas());

    BundleSubmission s = new BundleRoute(fx.chain, List.of(fx.client)).submit(List.of(tx), head, StopCondition.NEVER);

    assertThat(s.onNewBlock(fx.chain.blockNumber())).isInstanceOf(BundleStatus.Included.class);
    TransactionReceipt r = fx.chain.receipt(s.txHashes().get(0)).orElseThrow();
    BigInteger paid = r.getGasUsed().multiply(Numeric.decodeQuantity(r.getEffectiveGasPrice()));
    assertThat(paid).isPositive().isLessThanOrEqualTo(bid.worstCaseCost());
    assertThat(bid.worstCaseCost()).isLessThanOrEqualTo(bid.budget()).isLessThan(profit);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
