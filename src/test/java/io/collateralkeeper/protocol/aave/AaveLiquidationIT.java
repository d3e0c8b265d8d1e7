package io.collateralkeeper.protocol.aave;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.FlashLiquidator;
import io.collateralkeeper.contracts.Multicall3;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.devnet.VaultDeployer;
import io.collateralkeeper.devnet.aave.AaveActions;
import io.collateralkeeper.devnet.aave.AaveDevnet;
import io.collateralkeeper.devnet.aave.AaveFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * The keeper against a real Aave V3 deployment (npm artifacts) and a real Uniswap V2: borrowers are opened, WETH
 * crashes, and the daemon must liquidate every account that became liquidatable, with no reverted transaction, in
 * both funding modes.
 */
class AaveLiquidationIT {
  private static final int BORROWERS = 24;

  private AaveFixture f;
  private AaveActions actions;
  private Multicall multicall;
  private Journal journal;
  private final List<Address> borrowers = new ArrayList<>();
  private final Signer keeper = WalletLoader.devAccount(1, 31337);
  @TempDir Path tmp;

  @BeforeEach
  void open() throws Exception {
    f = AaveFixture.start();
    actions = new AaveActions(f.devnet, f.aave);
    Credentials creds = keeper.credentials();
    var tm = VaultDeployer.transactionManager(f.chain.web3j(), creds, 31337);
    Multicall3 mc = Multicall3.deploy(f.chain.web3j(), tm, VaultDeployer.gasProvider(31337)).send();
    multicall = new Multicall(f.chain, Address.of(mc.getContractAddress()), 250);
    journal = Journal.open(tmp.resolve("journal.db"));

    actions.open(AaveDevnet.book(BORROWERS));
    for (int i = 0; i < BORROWERS; i++) borrowers.add(AaveDevnet.borrower(i));
  }

  @AfterEach
  void close() {
    if (journal != null) journal.close();
    if (f != null) f.close();
  }

  @Test
  void liquidatesEveryAccountWithAFlashLoanAndNoReverts() throws Exception {
    Credentials creds = keeper.credentials();
    var tm = VaultDeployer.transactionManager(f.chain.web3j(), creds, 31337);
    FlashLiquidator executor =
        FlashLiquidator.deploy(f.chain.web3j(), tm, VaultDeployer.gasProvider(31337), f.aave.provider().hex(),
                f.dex.router().hex())
            .send();
    KeeperDaemon daemon = daemon(strategy("flash-loan", Address.of(executor.getContractAddress())));

    List<Attempt> attempts = crashAndRun(daemon);

    assertThat(attempts).isNotEmpty().allMatch(Attempt::included).noneMatch(Attempt::reverted);
    for (Attempt a : attempts) assertThat(a.revenueUsdWad()).isPositive();
    // The executor kept nothing: the profit went to its owner, the keeper, in the debt asset.
    assertThat(balance("USDC", keeper.address()).add(balance("DAI", keeper.address()))).isPositive();
  }

  @Test
  void liquidatesEveryAccountFromInventoryAndNoReverts() throws Exception {
    f.devnet.sendAll(actions.mint("USDC", Map.of(Address.of(keeper.address()), units(5_000_000, 6))), 1);
    f.devnet.sendAll(actions.mint("DAI", Map.of(Address.of(keeper.address()), units(5_000_000, 18))), 1);
    KeeperDaemon daemon = daemon(strategy("inventory", null));

    List<Attempt> attempts = crashAndRun(daemon);

    List<Attempt> liquidations = attempts.stream().filter(a -> borrowers.contains(a.account())).toList();
    assertThat(liquidations).isNotEmpty().allMatch(Attempt::included).noneMatch(Attempt::reverted);
    for (Attempt a : liquidations) assertThat(a.revenueUsdWad()).isPositive();
    assertThat(balance("WETH", keeper.address())).isPositive(); // the seized collateral, unsold
  }

  @Test
  void restartsWithoutReindexingFromScratchOrLiquidatingTwice() throws Exception {
    f.devnet.sendAll(actions.mint("USDC", Map.of(Address.of(keeper.address()), units(5_000_000, 6))), 1);
    f.devnet.sendAll(actions.mint("DAI", Map.of(Address.of(keeper.address()), units(5_000_000, 18))), 1);
    KeeperDaemon first = daemon(strategy("inventory", null));
    first.processHead(f.chain.blockNumber());
    first.processHead(f.chain.blockNumber());
    f.aave.setPrice(f.devnet, "WETH", BigInteger.valueOf(2_700_00000000L));
    int sentBefore = first.processHead(f.chain.blockNumber()).sent().size(); // mined at once (automine)
    assertThat(sentBefore).isPositive();
    long indexedTo = journal.indexedUpTo(31337, first.adapterMarketKey()).orElseThrow();

    // A new process on the same journal, through an endpoint that records every request.
    try (var proxy = new io.collateralkeeper.devnet.DelayingRpcProxy(f.anvil.rpcUrl(), "none", java.time.Duration.ZERO)) {
      StrategyConfig config = strategy("inventory", null);
      config = new StrategyConfig(new StrategyConfig.Chain(List.of(proxy.url()), 31337L, 20L, 30_000L), config.protocol(),
          null, config.liquidation(), config.gas(), null, null);
      try (var chain = io.collateralkeeper.chain.ChainClient.http(proxy.url(), java.time.Duration.ofSeconds(30))) {
        KeeperDaemon second = KeeperAssembly.assemble(chain, config, keeper, journal, KeeperListener.NONE);
        BlockReport r = second.processHead(chain.blockNumber());
        assertThat(r.tracked()).isGreaterThanOrEqualTo(BORROWERS); // the accounts came back from the journal
        for (String body : proxy.requests()) {
          if (!body.contains("eth_getLogs")) continue;
          String from = body.replaceAll(".*\"fromBlock\":\"(0x[0-9a-f]+)\".*", "$1");
          assertThat(Long.decode(from)).as("getLogs from %s", from).isGreaterThanOrEqualTo(indexedTo);
        }
        for (int i = 0; i < 12 && !liquidatableOnChain().isEmpty(); i++) second.processHead(chain.blockNumber());
        second.processHead(chain.blockNumber());
      }
    }
    assertThat(liquidatableOnChain()).isEmpty();
    // No liquidation twice: one LiquidationCall per user per block, and one included transaction per intent.
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("journal.db"));
        var rs = c.createStatement().executeQuery(
            "SELECT t.intent_id, count(*) FROM txs t WHERE t.status = 'included' AND t.intent_id IS NOT NULL "
                + "GROUP BY t.intent_id HAVING count(*) > 1")) {
      assertThat(rs.next()).as("an intent with two included transactions").isFalse();
    }
  }

  // ------------------------------------------------------------------ helpers

  private List<Attempt> crashAndRun(KeeperDaemon daemon) {
    BlockReport first = daemon.processHead(f.chain.blockNumber());
    assertThat(first.tracked()).isGreaterThanOrEqualTo(BORROWERS);
    assertThat(first.liquidatable()).isEmpty();
    daemon.processHead(f.chain.blockNumber()); // settles preparation transactions, if any

    f.aave.setPrice(f.devnet, "WETH", BigInteger.valueOf(2_700_00000000L)); // -10%
    assertThat(liquidatableOnChain()).isNotEmpty();
    for (int i = 0; i < 12 && !liquidatableOnChain().isEmpty(); i++) {
      BlockReport r = daemon.processHead(f.chain.blockNumber()); // automine: each liquidation is mined at once
      assertThat(r.skipped()).as("skipped at block %d", r.block()).isEmpty();
      allMined(); // the next head comes after every transaction sent at this one, as on a chain with block times
    }
    daemon.processHead(f.chain.blockNumber()); // settle the last receipts
    assertThat(liquidatableOnChain()).isEmpty();
    return daemon.attempts();
  }

  /**
   * Waits until Anvil has mined every transaction of the keeper. Automine mines one block per transaction, a moment
   * after the node accepted it: a head read in the middle of that burst finds the keeper's later transactions unmined
   * many blocks after they were sent, which the pipeline rightly reports as stuck (and, under the fee cap, replaces).
   * On a chain with block times the blocks do not come from the keeper's own transactions.
   */
  private void allMined() {
    Address k = Address.of(keeper.address());
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> f.chain.pendingNonce(k).equals(f.chain.latestNonce(k)));
  }

  private KeeperDaemon daemon(StrategyConfig config) {
    return KeeperAssembly.assemble(f.chain, config, keeper, journal, KeeperListener.NONE);
  }

  private StrategyConfig strategy(String funding, Address executor) {
    return new StrategyConfig(
        new StrategyConfig.Chain(List.of(f.anvil.rpcUrl()), 31337L, 20L, 30_000L),
        new StrategyConfig.AaveV3(
            f.aave.provider().hex(), multicall.address().hex(), 0L, 5_000L, funding,
            executor == null ? null : executor.hex(), false, f.dex.router().hex(), f.dex.weth().hex()),
        null,
        new StrategyConfig.Liquidation(new BigDecimal("0.01"), null),
        StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), f.aave.reserve("WETH").feed().hex()),
        null,
        null);
  }

  private List<Address> liquidatableOnChain() {
    Pool pool = Wrappers.at(f.aave.pool(), Pool::load);
    List<CallRequest> calls = new ArrayList<>();
    for (Address b : borrowers) calls.add(new CallRequest(f.aave.pool(), pool.getUserAccountData(b.hex()).encodeFunctionCall()));
    var results = multicall.aggregate(calls, f.chain.blockNumber());
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < borrowers.size(); i++) {
      String hex = results.get(i).returnData().substring(2);
      BigInteger hf = new BigInteger(hex.substring(64 * 5, 64 * 6), 16);
      if (hf.compareTo(Units.WAD) < 0) out.add(borrowers.get(i));
    }
    return out;
  }

  private BigInteger balance(String symbol, String owner) {
    Address token = f.aave.asset(symbol);
    var erc20 = Wrappers.at(token, io.collateralkeeper.contracts.aave.IERC20Detailed::load);
    String data = f.chain.call(new CallRequest(token, erc20.balanceOf(owner).encodeFunctionCall()), f.chain.blockNumber());
    return new BigInteger(data.substring(2), 16);
  }

  private static BigInteger units(long whole, int decimals) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
  }
}
