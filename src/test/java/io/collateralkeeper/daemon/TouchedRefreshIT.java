package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcObserver;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.protocol.AccountHealth;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steady state: after the first head the daemon re-reads only the accounts a block's events touch, a price move
 * re-reads none, and the local health of every account still equals the vault's {@code healthFactor} to the wei. A
 * quiet head costs three HTTP requests (header, logs, one Multicall3 batch of the feeds).
 */
class TouchedRefreshIT {
  private DevnetFixture fx;
  private Journal journal;
  private final AtomicInteger httpRequests = new AtomicInteger();
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    journal = Journal.open(tmp.resolve("journal.db"));
    RpcObserver.install(
        new RpcObserver() {
          @Override
          public void onResponse(String endpoint, long nanos, int httpStatus) {
            httpRequests.incrementAndGet();
          }

          @Override
          public void onFailure(String endpoint, long nanos, String kind) {
            httpRequests.incrementAndGet();
          }
        });
  }

  @AfterEach
  void stop() {
    RpcObserver.install(RpcObserver.NONE);
    journal.close();
    fx.close();
  }

  @Test
  void shouldReReadOnlyTouchedAccountsAndKeepHealthParity() {
    List<Address> accounts = Scenario.openLongs(fx, 30, 11, Scenario.health(104), Scenario.health(200));
    KeeperDaemon daemon =
        KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1000), WalletLoader.devAccount(1, 31337), journal, KeeperListener.NONE);
    assertThat(daemon.processHead(fx.chain.blockNumber()).accountsRead()).isEqualTo(30);

    fx.chain.rpc("evm_mine");
    long head = fx.chain.blockNumber();
    httpRequests.set(0);
    BlockReport quiet = daemon.processHead(head);
    assertThat(quiet.accountsRead()).isZero();
    assertThat(httpRequests.get()).as("HTTP requests of a quiet head").isLessThanOrEqualTo(3);

    // A price move changes no account's stored state: nothing is re-read, every health follows the new price.
    fx.setPricesPct(103);
    BlockReport moved = daemon.processHead(fx.chain.blockNumber());
    assertThat(moved.accountsRead()).isZero();
    assertThat(moved.liquidatable()).isEmpty();
    assertParity(daemon, accounts, moved.block());

    // New accounts are read when their events are indexed, and only they.
    List<Address> more = Scenario.openLongs(fx, 5, 12, Scenario.health(150), Scenario.health(200));
    BlockReport grown = daemon.processHead(fx.chain.blockNumber());
    assertThat(grown.accountsRead()).isEqualTo(5);
    List<Address> all = new ArrayList<>(accounts);
    all.addAll(more);
    assertParity(daemon, all, grown.block());

    // A crash: the daemon liquidates; the liquidated accounts are touched by their events and re-read at the next head.
    fx.setPricesPct(88);
    List<Address> underwater = fx.liquidatableOnChain(all);
    assertThat(underwater).isNotEmpty();
    BlockReport crash = daemon.processHead(fx.chain.blockNumber());
    assertThat(crash.sent()).isNotEmpty();
    // automine, but Anvil may answer a send before it mines it: wait for every receipt
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> crash.sent().stream().allMatch(a -> fx.chain.receipt(a.tx().hash()).isPresent()));
    BlockReport after = daemon.processHead(fx.chain.blockNumber());
    assertThat(after.accountsRead()).isEqualTo(crash.sent().size());
    assertParity(daemon, all, after.block());
  }

  /** Every account's local health factor equals {@code CrossMarginVault.healthFactor} at the processed head. */
  private void assertParity(KeeperDaemon daemon, List<Address> accounts, long block) {
    Map<Address, BigInteger> local = new HashMap<>();
    for (AccountHealth h : daemon.health()) local.put(h.account(), h.healthFactor());
    VaultAbi abi = new VaultAbi(fx.deployment.vault());
    List<CallRequest> calls = accounts.stream().map(a -> new CallRequest(fx.deployment.vault(), abi.healthFactor(a))).toList();
    List<CallResult> onChain = new Multicall(fx.chain, fx.deployment.multicall(), 250).aggregate(calls, block);
    for (int i = 0; i < accounts.size(); i++) {
      assertThat(local.get(accounts.get(i)))
          .as("health of %s", accounts.get(i))
          .isEqualTo(abi.decodeUint(onChain.get(i).returnData()));
    }
  }
}
