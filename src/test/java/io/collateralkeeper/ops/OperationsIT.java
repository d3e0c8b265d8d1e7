package io.collateralkeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.protocol.vault.VaultReader;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/**
 * A liquidation run on Anvil with the operations endpoint on: a crash, a competitor who takes one account first (our
 * transaction for it reverts), the rest liquidated. {@code /metrics} is scraped: every metric is present, and the
 * sent / included / reverted counts equal the journal's. Then the chain goes quiet and {@code /health} turns 503 with
 * "stale head", the wallet falls below its floor, the webhook receives the alerts, and when Anvil dies {@code
 * /health} reports every RPC down.
 */
class OperationsIT {
  private static final Signer KEEPER = WalletLoader.devAccount(1, 31337);
  private static final Address COMPETITOR = Address.of(WalletLoader.devAccount(2, 31337).address());

  private static final List<String> METRICS =
      List.of(
          "keeper_accounts_tracked", "keeper_accounts_liquidatable", "keeper_opportunities_seen_total",
          "keeper_liquidations_sent_total", "keeper_liquidations_included_total", "keeper_liquidations_reverted_total",
          "keeper_liquidations_lost_total", "keeper_liquidations_missed_total", "keeper_revenue_usd_total",
          "keeper_gas_spent_usd_total", "keeper_gas_spent_native_total", "keeper_profit_usd", "keeper_head_block",
          "keeper_head_lag_seconds", "keeper_head_age_seconds", "keeper_rpc_requests_seconds_count",
          "keeper_rpc_requests_seconds_sum", "keeper_rpc_errors_total", "keeper_index_block", "keeper_index_target_block",
          "keeper_index_progress_ratio", "keeper_wallet_balance_native", "keeper_price_problems", "keeper_healthy");

  @TempDir Path tmp;
  private DevnetFixture fx;
  private Journal journal;
  private Operations ops;
  private HttpServer webhook;
  private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    fx = DevnetFixture.start();
    journal = Journal.open(tmp.resolve("journal.db"));
    webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    webhook.createContext("/hook", ex -> {
      webhookBodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    webhook.start();
  }

  @AfterEach
  void stop() {
    if (ops != null) ops.close();
    webhook.stop(0);
    journal.close();
    fx.close();
  }

  @Test
  void shouldExposeEveryMetricMatchingTheJournalAndTurnUnhealthyWhenTheHeadGoesStale() throws Exception {
    List<Address> accounts = Scenario.openLongs(fx, 20, 21, Scenario.health(102), Scenario.health(130));
    String hook = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
    OpsSettings settings =
        new OpsSettings(Optional.of(0), Optional.of(hook), WebhookFormat.SLACK_DISCORD, null, Duration.ofSeconds(60),
            Duration.ofSeconds(2), new BigInteger("1000000000000000000"), 3, 3, Duration.ofMillis(200), Duration.ofMillis(200),
            false);
    ops = Operations.start(settings, fx.chain, Address.of(KEEPER.address()), List.of(), Clock.systemUTC());
    KeeperDaemon daemon = KeeperAssembly.assemble(fx.chain, fx.vaultStrategy(1000L), KEEPER, journal, ops.listener());
    daemon.processHead(fx.chain.blockNumber());
    assertThat(health().statusCode()).isEqualTo(200);

    // Crash, then freeze the chain: our liquidations wait in the mempool, and a competitor outbids one of them.
    fx.setPricesPct(85);
    Address taken = singlePositionAccount(accounts);
    fx.devnet.setAutomine(false);
    BlockReport first = daemon.processHead(fx.chain.blockNumber());
    assertThat(first.sent()).extracting(a -> a.account()).contains(taken);
    Set<Address> opportunities = new HashSet<>(first.liquidatable());
    competitorLiquidates(taken);
    fx.devnet.mine(); // the competitor first, by tip: ours for `taken` reverts
    fx.devnet.setAutomine(true);
    for (int i = 0; i < 10; i++) {
      BlockReport r = daemon.processHead(fx.chain.blockNumber());
      opportunities.addAll(r.liquidatable());
      if (r.liquidatable().isEmpty() && r.open().isEmpty()) break;
    }

    Map<String, Double> m = scrape();
    for (String name : METRICS) assertThat(m.keySet()).as(name).anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    assertThat(sum(m, "keeper_liquidations_sent_total")).isEqualTo(journalCount("SELECT count(*) FROM intents WHERE action = 'liquidate'"));
    assertThat(sum(m, "keeper_liquidations_included_total")).isEqualTo(journalCount(outcomes(1))).isPositive();
    assertThat(sum(m, "keeper_liquidations_reverted_total")).isEqualTo(journalCount(outcomes(0))).isEqualTo(1);
    assertThat(sum(m, "keeper_liquidations_lost_total")).isEqualTo(1);
    assertThat(sum(m, "keeper_opportunities_seen_total")).isEqualTo(opportunities.size());
    assertThat(sum(m, "keeper_accounts_tracked")).isEqualTo(20);
    assertThat(sum(m, "keeper_accounts_liquidatable")).isZero();
    assertThat(sum(m, "keeper_head_block")).isEqualTo(fx.chain.blockNumber());
    assertThat(sum(m, "keeper_revenue_usd_total")).isPositive();
    assertThat(sum(m, "keeper_gas_spent_native_total")).isPositive();
    assertThat(sum(m, "keeper_index_progress_ratio")).isEqualTo(1.0);
    assertThat(m.get("keeper_rpc_requests_seconds_count{endpoint=\"" + fx.anvil.rpcUrl() + "\",outcome=\"ok\"}")).isPositive();
    await().atMost(Duration.ofSeconds(5)).until(() -> sum(scrape(), "keeper_wallet_balance_native") > 1000);

    // No new block for longer than ops.stale-head-s (2 s): 503 with the reason, and an alert.
    await().atMost(Duration.ofSeconds(10)).until(() -> health().statusCode() == 503);
    assertThat(health().body()).contains("\"status\":\"unhealthy\"").contains("stale head: no new block processed for");
    assertThat(sum(scrape(), "keeper_healthy")).isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> webhookBodies.stream().anyMatch(b -> b.contains("stale head")));
    assertThat(webhookBodies).anyMatch(b -> b.contains("tx reverted") && b.contains(taken.hex()));
    assertThat(webhookBodies).allMatch(b -> b.contains("\"text\"") && b.contains("\"content\""));

    // A new head: healthy again.
    fx.devnet.mine();
    daemon.processHead(fx.chain.blockNumber());
    assertThat(health().statusCode()).isEqualTo(200);

    // The wallet drops below its 1 ETH floor: unhealthy, and an alert.
    fx.devnet.setBalances(List.of(Address.of(KEEPER.address())), new BigInteger("900000000000000000"));
    await().atMost(Duration.ofSeconds(5)).until(() -> health().body().contains("wallet below floor: 0.9 ETH < 1 ETH"));
    await().atMost(Duration.ofSeconds(5)).until(() -> webhookBodies.stream().anyMatch(b -> b.contains("wallet below floor")));

    // The only endpoint dies: the watchdog's balance reads fail and /health says every RPC is down.
    fx.anvil.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> health().body().contains("every RPC endpoint is down"));
    assertThat(sum(scrape(), "keeper_rpc_errors_total")).isGreaterThanOrEqualTo(3);
  }

  /** A liquidatable account with one position (closing it whole leaves nothing for us to liquidate). */
  private Address singlePositionAccount(List<Address> accounts) {
    VaultReader reader = new VaultReader(fx.chain, new Multicall(fx.chain, fx.deployment.multicall(), 250), fx.deployment.vault());
    VaultAbi abi = new VaultAbi(fx.deployment.vault());
    long block = fx.chain.blockNumber();
    Map<Address, VaultAccount> states = reader.readAccounts(accounts, block);
    for (Address a : accounts) {
      long open = states.get(a).sizes().stream().filter(s -> s.signum() != 0).count();
      String hf = fx.chain.call(new io.collateralkeeper.chain.CallRequest(fx.deployment.vault(), abi.healthFactor(a)), block);
      if (open == 1 && abi.decodeUint(hf).compareTo(io.collateralkeeper.risk.Units.WAD) < 0) return a;
    }
    throw new IllegalStateException("no liquidatable single-position account in the scenario");
  }

  /** Dev account 2 sends a whole-position liquidation with a 100 gwei tip (pending: automine is off). */
  private void competitorLiquidates(Address account) {
    VaultReader reader = new VaultReader(fx.chain, new Multicall(fx.chain, fx.deployment.multicall(), 250), fx.deployment.vault());
    VaultAccount s = reader.readAccounts(List.of(account), fx.chain.blockNumber()).get(account);
    int market = s.sizes().get(0).signum() != 0 ? 0 : 1;
    String data = new VaultAbi(fx.deployment.vault()).liquidate(account, market, s.sizes().get(market).abs());
    fx.chain.rpc("eth_sendTransaction", Map.of(
        "from", COMPETITOR.hex(), "to", fx.deployment.vault().hex(), "data", data,
        "gas", Numeric.toHexStringWithPrefix(BigInteger.valueOf(1_000_000)),
        "maxFeePerGas", Numeric.toHexStringWithPrefix(BigInteger.valueOf(150_000_000_000L)),
        "maxPriorityFeePerGas", Numeric.toHexStringWithPrefix(BigInteger.valueOf(100_000_000_000L))));
  }

  private HttpResponse<String> health() throws Exception {
    return get("/health");
  }

  private Map<String, Double> scrape() throws Exception {
    Map<String, Double> out = new java.util.HashMap<>();
    for (String line : get("/metrics").body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + ops.metricsPort().orElseThrow() + path);
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double sum(Map<String, Double> m, String name) {
    return m.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static String outcomes(int success) {
    return "SELECT count(*) FROM outcomes o JOIN txs t ON o.hash = t.hash JOIN intents i ON t.intent_id = i.id"
        + " WHERE i.action = 'liquidate' AND o.success = " + success;
  }

  private long journalCount(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("journal.db"));
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

}
