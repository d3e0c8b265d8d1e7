package io.collateralkeeper.ops;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the keeper's health on its own thread, independent of the daemon's loop (so a stuck loop or a silent chain
 * is noticed): every tick it evaluates {@link HealthState#health()} and raises an alert for each problem (rate-limited
 * per kind by the sink), and every {@code balanceEvery} it reads the wallet's native balance.
 */
public final class Watchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

  private final ChainClient chain;
  private final Address wallet;
  private final HealthState health;
  private final KeeperMetrics metrics;
  private final Alerts alerts;
  private final long balanceEveryTicks;
  private final ScheduledExecutorService timer;
  private long ticks;

  /**
   * @param chain reads the wallet balance
   * @param wallet the keeper's sending address
   * @param tick how often health is evaluated
   * @param balanceEvery how often the balance is read (rounded to whole ticks, at least one)
   */
  public Watchdog(
      ChainClient chain, Address wallet, HealthState health, KeeperMetrics metrics, Alerts alerts, Duration tick,
      Duration balanceEvery) {
    this.chain = chain;
    this.wallet = wallet;
    this.health = health;
    this.metrics = metrics;
    this.alerts = alerts;
    this.balanceEveryTicks = Math.max(1, balanceEvery.toMillis() / Math.max(1, tick.toMillis()));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "keeper-watchdog");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One check: the balance when due, then health and alerts. Never throws. */
  void tick() {
    try {
      if (ticks++ % balanceEveryTicks == 0) readBalance();
      for (Health.Problem p : health.health().problems()) alerts.raise(p.kind(), p.message());
    } catch (RuntimeException e) {
      LOG.warn("watchdog check failed: {}", e.toString());
    }
  }

  private void readBalance() {
    try {
      BigInteger wei = chain.balance(wallet);
      health.onWalletBalance(wei);
      metrics.onWalletBalance(wei);
    } catch (RpcException e) {
      LOG.debug("wallet balance not read: {}", e.getMessage()); // the endpoint's failure is in the RPC metrics
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
