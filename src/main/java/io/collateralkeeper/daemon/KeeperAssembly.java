package io.collateralkeeper.daemon;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeePolicy;
import io.collateralkeeper.execution.BidPolicy;
import io.collateralkeeper.execution.BidSettings;
import io.collateralkeeper.execution.Bidder;
import io.collateralkeeper.execution.FeeHistoryFloor;
import io.collateralkeeper.execution.PipelineSettings;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.oracle.PriceGuard;
import io.collateralkeeper.oracle.PriceRules;
import io.collateralkeeper.dex.UniswapV2Quoter;
import io.collateralkeeper.protocol.ProtocolAdapter;
import io.collateralkeeper.protocol.aave.AaveV3Adapter;
import io.collateralkeeper.protocol.vault.ReferenceVaultAdapter;
import io.collateralkeeper.protocol.vault.VaultReader;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.VaultLiquidationPlanner;
import io.collateralkeeper.wallet.Signer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link KeeperDaemon} from a strategy: the protocol adapter, the fee policy, the sender. */
public final class KeeperAssembly {
  private static final BigDecimal GWEI = BigDecimal.TEN.pow(9);
  private static final BigDecimal DEFAULT_TARGET_HEALTH = new BigDecimal("1.02");
  /**
   * Account reads per Multicall3 {@code aggregate3}: 500 vault {@code getAccount} reads take about 13M gas, under
   * the usual 30-50M {@code eth_call} gas caps.
   */
  static final int READS_PER_MULTICALL = 500;

  private KeeperAssembly() {}

  /**
   * Checks that every endpoint serves the strategy's chain (one unreachable now is checked before its first use).
   *
   * @throws KeeperException when a chain id differs (no transaction may go to the wrong chain)
   */
  public static void verifyChainId(ChainClient chain, StrategyConfig config) {
    chain.requireChainId(config.chain().chainId());
  }

  /**
   * Assembles the daemon. The caller has verified the chain id and owns (closes) the journal.
   *
   * @param journal the open journal every transaction is recorded in before it is broadcast
   */
  public static KeeperDaemon assemble(
      ChainClient chain, StrategyConfig config, Signer signer, Journal journal, KeeperListener listener) {
    if (config.liquidation() == null) {
      throw new KeeperException("the strategy has no 'liquidation' section: it is a protect strategy, run keeper protect");
    }
    ProtocolAdapter adapter = adapter(chain, config, Address.of(signer.address()));
    FeePolicy fees = new FeePolicy(gwei(config.gas().maxFeeGwei()), gwei(config.gas().minPriorityFeeGwei() == null ? BigDecimal.ZERO : config.gas().minPriorityFeeGwei()));
    long pollMs = config.chain().pollIntervalMs() == null ? 500 : config.chain().pollIntervalMs();
    KeeperSettings settings =
        new KeeperSettings(
            config.chain().chainId(),
            config.protocol().startBlock() == null ? 0 : config.protocol().startBlock(),
            Units.toWad(config.liquidation().minProfitUsd()),
            config.gas().gasLimitBufferBps() == null ? 2500 : config.gas().gasLimitBufferBps(),
            Address.of(config.gas().nativeUsdFeed()),
            Duration.ofMillis(pollMs),
            config.route() != null && config.route().coinbasePayment(),
            config.liquidation().fullRefreshBlocks() == null
                ? adapter.defaultFullRefreshBlocks()
                : config.liquidation().fullRefreshBlocks());
    long maxLogRange = 5000;
    if (config.protocol().maxLogRange() != null) maxLogRange = config.protocol().maxLogRange();
    long stuckBlocks = config.gas().replaceAfterBlocks() == null ? 3 : config.gas().replaceAfterBlocks();
    PipelineSettings pipeline =
        new PipelineSettings(stuckBlocks, fees, BundleRouting.from(chain, config.route(), Address.of(signer.address())));
    String multicall = config.protocol().multicall();
    PriceGuard guard =
        new PriceGuard(
            new Multicall(chain, multicall == null ? Multicall.CANONICAL : Address.of(multicall), 250),
            priceRules(config.oracle()));
    return new KeeperDaemon(
        chain, adapter, journal, signer, pipeline, bidder(chain, config), settings, listener, maxLogRange, guard,
        config.chain().reorgDepthOrDefault());
  }

  /** The strategy's {@code oracle} section as price rules (defaults for what it leaves out). */
  static PriceRules priceRules(StrategyConfig.Oracle o) {
    if (o == null) return PriceRules.DEFAULTS;
    Map<Address, Long> heartbeats = new HashMap<>();
    if (o.heartbeats() != null) o.heartbeats().forEach((k, v) -> heartbeats.put(Address.of(k), v));
    Map<Address, Address> second = new HashMap<>();
    if (o.secondSources() != null) o.secondSources().forEach((k, v) -> second.put(Address.of(k), Address.of(v)));
    return new PriceRules(
        o.heartbeatS() == null ? PriceRules.DEFAULT_HEARTBEAT_SECONDS : o.heartbeatS(),
        heartbeats,
        o.maxDeviationBps() == null ? PriceRules.DEFAULT_MAX_DEVIATION_BPS : o.maxDeviationBps(),
        second);
  }

  /**
   * The protocol adapter a strategy names (also used by protect mode).
   *
   * @param keeper the sending address
   * @throws KeeperException when the protocol cannot be read
   */
  public static ProtocolAdapter adapter(ChainClient chain, StrategyConfig config, Address keeper) {
    if (config.protocol() instanceof StrategyConfig.ReferenceVault v) {
      Address multicall = v.multicall() == null ? Multicall.CANONICAL : Address.of(v.multicall());
      VaultReader reader = new VaultReader(chain, new Multicall(chain, multicall, READS_PER_MULTICALL), Address.of(v.vault()));
      BigDecimal target =
          config.liquidation() == null || config.liquidation().targetHealth() == null
              ? DEFAULT_TARGET_HEALTH
              : config.liquidation().targetHealth();
      return new ReferenceVaultAdapter(reader, new VaultLiquidationPlanner(Units.toWad(target)));
    }
    if (config.protocol() instanceof StrategyConfig.AaveV3 a) {
      Multicall multicall = new Multicall(chain, a.multicall() == null ? Multicall.CANONICAL : Address.of(a.multicall()), READS_PER_MULTICALL);
      UniswapV2Quoter quoter =
          a.dexRouter() == null
              ? null // protect mode needs no DEX
              : new UniswapV2Quoter(
                  multicall, Address.of(a.dexRouter()), a.swapConnector() == null ? null : Address.of(a.swapConnector()));
      AaveV3Adapter.Funding funding =
          new AaveV3Adapter.Funding(
              a.flashLoan() ? Address.of(a.executor()) : null, Boolean.TRUE.equals(a.receiveAToken()));
      try {
        return new AaveV3Adapter(chain, multicall, Address.of(a.addressesProvider()), quoter, funding, keeper);
      } catch (io.collateralkeeper.chain.RpcException e) {
        throw new KeeperException("cannot read the Aave V3 market at " + a.addressesProvider() + ": " + e.getMessage());
      }
    }
    throw new KeeperException("unsupported protocol: " + config.protocol());
  }

  /** The bid policy from the strategy's gas section (defaults in {@link StrategyConfig.Gas}). */
  static Bidder bidder(ChainClient chain, StrategyConfig config) {
    StrategyConfig.Gas g = config.gas();
    BigDecimal tipCap = g.maxPriorityFeeGwei() == null ? g.maxFeeGwei() : g.maxPriorityFeeGwei();
    long historyBlocks = g.feeHistoryBlocks() == null ? 10 : g.feeHistoryBlocks();
    BidSettings bid =
        new BidSettings(
            g.bidShareBps() == null ? 8000 : g.bidShareBps().intValue(),
            g.feeHistoryPercentile() == null ? 50.0 : g.feeHistoryPercentile().doubleValue(),
            (int) Math.max(1, historyBlocks),
            tipCap,
            g.minMarginBps() == null ? 1000 : g.minMarginBps().intValue(),
            g.blocksAhead() == null ? 3 : g.blocksAhead().intValue());
    Optional<FeeHistoryFloor> history =
        historyBlocks == 0 ? Optional.empty() : Optional.of(FeeHistoryFloor.of(chain, bid));
    BigInteger minTip = g.minPriorityFeeGwei() == null ? BigInteger.ZERO : gwei(g.minPriorityFeeGwei());
    return new Bidder(new BidPolicy(bid), history, minTip, gwei(g.maxFeeGwei()));
  }

  /** Gwei (decimal) to wei, exactly. */
  static BigInteger gwei(BigDecimal gwei) {
    return gwei.multiply(GWEI).toBigIntegerExact();
  }
}
