package io.collateralkeeper.ops;

import io.collateralkeeper.chain.RpcObserver;
import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The keeper's metrics in a Micrometer Prometheus registry (names as scraped from {@code /metrics}):
 *
 * <ul>
 *   <li>{@code keeper_accounts_tracked}, {@code keeper_accounts_liquidatable} (gauges, at the last head)
 *   <li>{@code keeper_opportunities_seen_total}, {@code keeper_liquidations_sent_total}, {@code
 *       keeper_liquidations_included_total}, {@code keeper_liquidations_reverted_total}, {@code
 *       keeper_liquidations_lost_total} (to a competitor), {@code keeper_liquidations_missed_total}
 *   <li>{@code keeper_revenue_usd_total}, {@code keeper_gas_spent_usd_total}, {@code keeper_gas_spent_native_total}
 *       (ETH or the chain's coin), {@code keeper_profit_usd} (realized revenue minus gas, a gauge: it can fall)
 *   <li>{@code keeper_head_block}, {@code keeper_head_lag_seconds} (wall clock minus the head's timestamp when it was
 *       processed), {@code keeper_head_age_seconds} (since the last new head)
 *   <li>{@code keeper_rpc_requests_seconds{endpoint,outcome}} (timer: count, sum, max; outcome ok, http_error,
 *       failure), {@code keeper_rpc_errors_total{endpoint,kind}} (kind http or transport); endpoints redacted
 *   <li>{@code keeper_index_block}, {@code keeper_index_target_block}, {@code keeper_index_progress_ratio}
 *   <li>{@code keeper_wallet_balance_native} (ETH), {@code keeper_price_problems}, {@code keeper_healthy} (1 or 0)
 * </ul>
 *
 * Values are doubles for display only (converted exactly from wei and USD wad, then rounded to a double); no
 * decision reads them back. Thread-safe.
 */
public final class KeeperMetrics implements RpcObserver {
  private static final BigDecimal WAD = BigDecimal.TEN.pow(18);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Value> gauges = new ConcurrentHashMap<>();
  private final Counter seen = counter("keeper.opportunities.seen", "Accounts that became liquidatable");
  private final Counter sent = counter("keeper.liquidations.sent", "Liquidation intents submitted");
  private final Counter included = counter("keeper.liquidations.included", "Liquidations included with success");
  private final Counter reverted = counter("keeper.liquidations.reverted", "Liquidations included with a failed status");
  private final Counter lost =
      counter("keeper.liquidations.lost", "Opportunities a competitor liquidated while our intent was open or before we sent");
  private final Counter missed =
      counter("keeper.liquidations.missed", "Accounts liquidatable for longer than ops.missed-after-blocks without an attempt");
  private final Counter revenueUsd = counter("keeper.revenue.usd", "Realized liquidation revenue before gas, USD");
  private final Counter gasUsd = counter("keeper.gas.spent.usd", "Gas paid by settled liquidations, USD");
  private final Counter gasNative = counter("keeper.gas.spent.native", "Gas paid by settled liquidations, native coin (ETH)");
  private final Map<String, Boolean> endpoints = new ConcurrentHashMap<>();
  private BigDecimal profitUsd = BigDecimal.ZERO;

  /** @param health supplies the head age and health gauges */
  public KeeperMetrics(HealthState health) {
    value("keeper.accounts.tracked", "Accounts the keeper tracks");
    value("keeper.accounts.liquidatable", "Accounts liquidatable at the last head");
    value("keeper.profit.usd", "Realized profit: revenue minus gas, USD");
    value("keeper.head.block", "Last head processed");
    value("keeper.head.lag.seconds", "Wall clock minus the head's timestamp when it was processed, seconds");
    value("keeper.index.block", "Last block whose events are indexed");
    value("keeper.index.target.block", "Block the indexer is catching up to");
    value("keeper.index.progress.ratio", "Share of the current indexing range done (1 = caught up)");
    value("keeper.wallet.balance.native", "Native balance of the keeper's wallet (ETH)");
    value("keeper.price.problems", "Assets with a stale or deviating price at the last check");
    Gauge.builder("keeper.head.age.seconds", health, HealthState::headAgeSeconds)
        .description("Seconds since the last new head was processed")
        .register(registry);
    Gauge.builder("keeper.healthy", health, h -> h.health().healthy() ? 1 : 0)
        .description("1 when /health answers 200, else 0")
        .register(registry);
  }

  /** Records one head: gauges, the opportunity accounting's delta, and settled attempts. */
  public void onReport(BlockReport r, OpportunityDelta d, long nowEpochSeconds) {
    set("keeper.accounts.tracked", r.tracked());
    set("keeper.accounts.liquidatable", r.liquidatable().size());
    set("keeper.head.block", r.block());
    if (r.timestamp() > 0) set("keeper.head.lag.seconds", Math.max(0, nowEpochSeconds - r.timestamp()));
    set("keeper.price.problems", r.priceProblems().size());
    seen.increment(d.seen().size());
    lost.increment(d.lost().size());
    missed.increment(d.missed().size());
    sent.increment(r.sent().size());
    for (Attempt a : r.settled()) {
      if (a.success()) included.increment();
      if (a.reverted()) reverted.increment();
      BigDecimal revenue = new BigDecimal(a.revenueUsdWad()).divide(WAD);
      BigDecimal gas = new BigDecimal(a.gasCostUsdWad()).divide(WAD);
      revenueUsd.increment(revenue.doubleValue());
      gasUsd.increment(gas.doubleValue());
      gasNative.increment(new BigDecimal(a.gasCostWei()).divide(WAD).doubleValue());
      synchronized (this) {
        profitUsd = profitUsd.add(revenue).subtract(gas);
        set("keeper.profit.usd", profitUsd.doubleValue());
      }
    }
  }

  /** Records indexing progress: blocks {@code from..to}, done through {@code doneThrough}. */
  public void onIndexProgress(long from, long to, long doneThrough) {
    set("keeper.index.block", doneThrough);
    set("keeper.index.target.block", to);
    set("keeper.index.progress.ratio", to < from ? 1.0 : (double) (doneThrough - from + 1) / (to - from + 1));
  }

  /** Records the wallet's native balance, wei. */
  public void onWalletBalance(BigInteger wei) {
    set("keeper.wallet.balance.native", new BigDecimal(wei).divide(WAD).doubleValue());
  }

  @Override
  public void onResponse(String endpoint, long nanos, int httpStatus) {
    register(endpoint);
    boolean ok = httpStatus >= 200 && httpStatus < 300;
    timer(endpoint, ok ? "ok" : "http_error").record(nanos, TimeUnit.NANOSECONDS);
    if (!ok) errors(endpoint, "http").increment();
  }

  @Override
  public void onFailure(String endpoint, long nanos, String kind) {
    register(endpoint);
    timer(endpoint, "failure").record(nanos, TimeUnit.NANOSECONDS);
    errors(endpoint, "transport").increment();
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  /** The registry, to add metrics of other components. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** First sight of an endpoint: its error counters start at zero, so they are scraped before any error. */
  private void register(String endpoint) {
    if (endpoints.putIfAbsent(endpoint, Boolean.TRUE) == null) {
      errors(endpoint, "http");
      errors(endpoint, "transport");
    }
  }

  private Timer timer(String endpoint, String outcome) {
    return Timer.builder("keeper.rpc.requests")
        .description("JSON-RPC HTTP exchanges by endpoint and outcome")
        .tags("endpoint", endpoint, "outcome", outcome)
        .register(registry);
  }

  private Counter errors(String endpoint, String kind) {
    return Counter.builder("keeper.rpc.errors")
        .description("Failed JSON-RPC HTTP exchanges by endpoint: http (non-2xx status) or transport (no response)")
        .tags("endpoint", endpoint, "kind", kind)
        .register(registry);
  }

  private Counter counter(String name, String help) {
    return Counter.builder(name).description(help).register(registry);
  }

  private void value(String name, String help) {
    Value v = new Value();
    gauges.put(name, v);
    Gauge.builder(name, v, Value::get).description(help).register(registry);
  }

  private void set(String name, double v) {
    gauges.get(name).value = v;
  }

  /** A gauge's current value. */
  private static final class Value {
    private volatile double value;

    double get() {
      return value;
    }
  }
}
