package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.devnet.DelayingRpcProxy;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CallSimulator} against Anvil: new shapes are estimated, known shapes run once in {@code eth_simulateV1} at
 * the learned limit, a call that runs out of gas there is estimated again, a revert keeps its reason, a node without
 * {@code eth_simulateV1} gets estimates only, and every proven limit is enough for a real transaction.
 */
class CallSimulatorIT {
  private static DevnetFixture fx;
  private static DelayingRpcProxy proxy;
  private static ChainClient chain;
  private static Address from;

  @BeforeAll
  static void start() {
    fx = DevnetFixture.start();
    proxy = new DelayingRpcProxy(fx.anvil.rpcUrl(), "no-such-method", Duration.ZERO);
    chain = ChainClient.http(proxy.url(), Duration.ofSeconds(30));
    from = Address.of(fx.deployer.getAddress());
  }

  @AfterAll
  static void stop() {
    if (chain != null) chain.close();
    if (proxy != null) proxy.close();
    if (fx != null) fx.close();
  }

  private static CallRequest mint(Address to, long amount) {
    String data =
        Wrappers.at(fx.deployment.usdc(), TestToken::load).mint(to.hex(), BigInteger.valueOf(amount)).encodeFunctionCall();
    return new CallRequest(fx.deployment.usdc(), data);
  }

  private static CallRequest transfer(Address to, long amount) {
    String data =
        Wrappers.at(fx.deployment.usdc(), TestToken::load).transfer(to.hex(), BigInteger.valueOf(amount)).encodeFunctionCall();
    return new CallRequest(fx.deployment.usdc(), data);
  }

  private static Address fresh(int i) {
    return Address.of(String.format("0x%040x", 0xC0FFEE0000L + i));
  }

  /** Sends {@code call} from the deployer with gas limit {@code gas} and mines it; throws when it reverts. */
  private static void send(CallRequest call, BigInteger gas) {
    fx.devnet.sendAll(List.of(new DevnetControl.DevTx(from, call.to(), call.data(), gas.longValueExact())), 1);
  }

  private static long simulateRequests() {
    return proxy.requests().stream().filter(r -> r.contains("\"eth_simulateV1\"")).count();
  }

  @Test
  void learnsLimitsThenSimulatesOnceAndEstimatesAgainWhenTheLimitIsShort() {
    // no buffer over the estimate: the learned limit is tight, so a heavier call of the same shape runs out of gas
    CallSimulator sim = new CallSimulator(chain, from, g -> g);
    Address holder = fresh(1);
    send(mint(holder, 1_000), BigInteger.valueOf(200_000)); // holder has a balance: minting to it again is cheap

    long before = simulateRequests();
    CallSimulator.Outcome first = sim.simulate(List.of(mint(holder, 5))).get(0);
    assertThat(first.reverted()).isFalse();
    assertThat(simulateRequests()).isEqualTo(before); // a new shape is estimated
    assertThat(sim.knownLimit(mint(holder, 5))).contains(first.gasLimit());

    CallSimulator.Outcome again = sim.simulate(List.of(mint(holder, 7))).get(0);
    assertThat(simulateRequests()).isEqualTo(before + 1); // a known shape runs once at its limit
    assertThat(again.gasLimit()).isEqualTo(first.gasLimit());
    assertThat(again.gasUsed()).isPositive().isLessThanOrEqualTo(again.gasLimit());
    send(mint(holder, 7), again.gasLimit()); // the proven limit is enough on chain

    // minting to an empty balance writes a new slot (20,000 gas more): out of gas at the learned limit
    Address empty = fresh(2);
    CallSimulator.Outcome heavier = sim.simulate(List.of(mint(empty, 9))).get(0);
    assertThat(heavier.reverted()).isFalse();
    assertThat(heavier.gasLimit()).isGreaterThan(first.gasLimit());
    assertThat(sim.knownLimit(mint(empty, 9))).contains(heavier.gasLimit());
    send(mint(empty, 9), heavier.gasLimit());
  }

  @Test
  void aNewShapeInABatchIsEstimatedOnceAndTheRestRunAtItsLimit() {
    CallSimulator sim = new CallSimulator(chain, from, g -> g.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)));
    List<Address> holders = List.of(fresh(10), fresh(11), fresh(12));
    for (Address h : holders) send(mint(h, 1_000), BigInteger.valueOf(200_000));
    int before = proxy.requests().size();
    List<CallSimulator.Outcome> out = sim.simulate(holders.stream().map(h -> mint(h, 3)).toList());
    List<String> sent = proxy.requests().subList(before, proxy.requests().size());
    assertThat(sent.stream().mapToInt(r -> occurrences(r, "\"eth_estimateGas\"")).sum()).isEqualTo(1);
    assertThat(sent.stream().filter(r -> r.contains("\"eth_simulateV1\"")).count()).isEqualTo(1);
    assertThat(out).allSatisfy(o -> {
      assertThat(o.reverted()).isFalse();
      assertThat(o.gasLimit()).isEqualTo(out.get(0).gasLimit());
    });
    for (Address h : holders) send(mint(h, 3), out.get(0).gasLimit());
  }

  private static int occurrences(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
    return n;
  }

  @Test
  void aRevertKeepsTheNodesReason() {
    CallSimulator sim = new CallSimulator(chain, from, g -> g.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)));
    send(mint(from, 1_000), BigInteger.valueOf(200_000));
    CallSimulator.Outcome ok = sim.simulate(List.of(transfer(fresh(3), 10))).get(0); // learns transfer()
    assertThat(ok.reverted()).isFalse();

    long before = simulateRequests();
    List<CallSimulator.Outcome> both =
        sim.simulate(List.of(transfer(fresh(4), 10), transfer(fresh(5), Long.MAX_VALUE)));
    assertThat(simulateRequests()).isEqualTo(before + 1);
    assertThat(both.get(0).reverted()).isFalse();
    // failed at the shape's limit: the estimate tells a revert from a lack of gas, with the node's reason
    assertThat(both.get(1).reverted()).isTrue();
    assertThat(both.get(1).revert()).startsWith("eth_estimateGas reverted");

    CallSimulator fresh = new CallSimulator(chain, from, g -> g);
    CallSimulator.Outcome estimated = fresh.simulate(List.of(transfer(fresh(6), Long.MAX_VALUE))).get(0);
    assertThat(estimated.reverted()).isTrue();
    assertThat(estimated.revert()).startsWith("eth_estimateGas reverted");
  }

  @Test
  void aNodeWithoutSimulateV1GetsEstimatesOnly() {
    try (DelayingRpcProxy old = new DelayingRpcProxy(fx.anvil.rpcUrl(), "no-such-method", Duration.ZERO);
        ChainClient oldChain = ChainClient.http(old.url(), Duration.ofSeconds(30))) {
      old.refuse("eth_simulateV1");
      CallSimulator sim = new CallSimulator(oldChain, from, g -> g.multiply(BigInteger.TWO));
      Address holder = fresh(7);
      send(mint(holder, 1), BigInteger.valueOf(200_000));
      sim.simulate(List.of(mint(holder, 1))); // learns the shape
      for (int i = 0; i < 2; i++) {
        CallSimulator.Outcome o = sim.simulate(List.of(mint(holder, 2))).get(0);
        assertThat(o.reverted()).isFalse();
        assertThat(o.gasLimit()).isEqualTo(o.gasUsed().multiply(BigInteger.TWO));
      }
      // asked once, then never again
      assertThat(old.requests().stream().filter(r -> r.contains("\"eth_simulateV1\"")).count()).isEqualTo(1);
    }
  }
}
