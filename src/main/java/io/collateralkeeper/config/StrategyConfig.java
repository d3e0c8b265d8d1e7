package io.collateralkeeper.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * A strategy file: which chain, which protocol, which wallet, and the money rules. Read by {@link StrategyLoader};
 * keys are kebab-case in YAML; an unknown key is an error.
 *
 * @param chain the chain and its endpoints
 * @param protocol the protocol to keep
 * @param wallet the signing key (optional when {@code --dev-account} is given)
 * @param liquidation liquidation rules
 * @param gas fee caps and the bid policy
 * @param route how transactions reach a block: the public mempool or bundles to relays (default public)
 * @param journal path of the SQLite journal (default {@code keeper-journal.db} in the working directory; the
 *     {@code --journal} option overrides it)
 * @param ops metrics endpoint, health thresholds and alerts (optional)
 * @param oracle price staleness and deviation rules (optional: a one-day heartbeat, no second sources)
 * @param protect protect mode ({@code keeper protect}): the user's own accounts and their health bands; absent for a
 *     liquidation-only strategy
 */
public record StrategyConfig(
    Chain chain,
    Protocol protocol,
    Wallet wallet,
    Liquidation liquidation,
    Gas gas,
    Route route,
    String journal,
    Ops ops,
    Oracle oracle,
    Protect protect) {

  @com.fasterxml.jackson.annotation.JsonCreator
  public StrategyConfig {}

  /** A strategy without the {@code ops} and {@code oracle} sections (their defaults apply). */
  public StrategyConfig(
      Chain chain, Protocol protocol, Wallet wallet, Liquidation liquidation, Gas gas, Route route, String journal) {
    this(chain, protocol, wallet, liquidation, gas, route, journal, null, null, null);
  }

  /** A strategy without a protect section (liquidation only). */
  public StrategyConfig(
      Chain chain, Protocol protocol, Wallet wallet, Liquidation liquidation, Gas gas, Route route, String journal,
      Ops ops, Oracle oracle) {
    this(chain, protocol, wallet, liquidation, gas, route, journal, ops, oracle, null);
  }

  /** A protect strategy without the {@code ops} and {@code oracle} sections. */
  public StrategyConfig(
      Chain chain, Protocol protocol, Wallet wallet, Liquidation liquidation, Gas gas, Route route, String journal,
      Protect protect) {
    this(chain, protocol, wallet, liquidation, gas, route, journal, null, null, protect);
  }

  /** A copy with other {@code ops} and {@code oracle} sections. */
  public StrategyConfig withOps(Ops newOps, Oracle newOracle) {
    return new StrategyConfig(chain, protocol, wallet, liquidation, gas, route, journal, newOps, newOracle, protect);
  }

  /**
   * Operations: the metrics and health endpoint, health thresholds and alerts.
   *
   * @param metricsPort port of the HTTP endpoint ({@code /metrics}, {@code /health}) on 127.0.0.1; absent = no
   *     endpoint; 0 = any free port
   * @param webhookUrl alert webhook (Slack, Discord, Telegram or any endpoint taking JSON); a secret, never logged
   * @param webhookFormat {@code slack-discord} (default: {@code {"text", "content"}}), {@code telegram} (adds
   *     {@code chat_id}) or {@code text-only} ({@code {"text"}})
   * @param webhookChatId Telegram chat id (format {@code telegram})
   * @param alertMinIntervalS at most one alert of each kind per this many seconds (default 300)
   * @param staleHeadS the head is stale when no new block was processed for this many seconds (default 120)
   * @param walletFloorEth unhealthy and alert when the wallet holds less native coin than this (default 0: off)
   * @param missedAfterBlocks an account liquidatable for more than this many blocks without an attempt of ours counts
   *     as a missed liquidation (default 3)
   * @param bundleMissesAlert alert when this many bundle target blocks in a row pass without inclusion (default 3)
   */
  public record Ops(
      Long metricsPort,
      String webhookUrl,
      String webhookFormat,
      String webhookChatId,
      Long alertMinIntervalS,
      Long staleHeadS,
      BigDecimal walletFloorEth,
      Long missedAfterBlocks,
      Long bundleMissesAlert) {}

  /**
   * Price rules beyond the protocol's own: no liquidation on a feed older than its heartbeat, or deviating from a
   * second source by more than a bound. Keys of {@code heartbeats} and {@code secondSources} are asset addresses (an
   * Aave reserve, a vault collateral token) or primary feed addresses (e.g. a vault market's feed).
   *
   * @param heartbeatS default heartbeat of every feed, seconds (default 86400)
   * @param heartbeats heartbeat per asset or feed, seconds
   * @param maxDeviationBps largest allowed deviation from the second source, bps of its answer (default 300)
   * @param secondSources second feed (Chainlink {@code latestRoundData}) per asset or feed
   */
  public record Oracle(
      Long heartbeatS,
      java.util.Map<String, Long> heartbeats,
      Long maxDeviationBps,
      java.util.Map<String, String> secondSources) {}

  /**
   * @param rpcUrls JSON-RPC endpoints, tried in order
   * @param chainId the chain id the endpoints must report (protects against pointing at the wrong chain)
   * @param pollIntervalMs how often to poll for a new head, milliseconds (default 500)
   * @param rpcTimeoutMs timeout of one RPC call, milliseconds (default 10000)
   * @param maxLagBlocks an endpoint whose head is more than this many blocks behind the best endpoint's is demoted
   *     (default 3)
   * @param maxResponseMb largest JSON-RPC response accepted, MiB (default 256); a larger one counts as a failure
   * @param reorgDepth deepest reorg the keeper rolls its account index back from, blocks (default 64)
   */
  public record Chain(
      List<String> rpcUrls,
      Long chainId,
      Long pollIntervalMs,
      Long rpcTimeoutMs,
      Long maxLagBlocks,
      Long maxResponseMb,
      Long reorgDepth) {
    /** The basic settings; failover and reorg limits at their defaults. */
    public Chain(List<String> rpcUrls, Long chainId, Long pollIntervalMs, Long rpcTimeoutMs) {
      this(rpcUrls, chainId, pollIntervalMs, rpcTimeoutMs, null, null, null);
    }

    /** The endpoint pool's limits, defaults filled in. */
    public io.collateralkeeper.chain.PoolSettings poolSettings() {
      return new io.collateralkeeper.chain.PoolSettings(
          maxLagBlocks == null ? io.collateralkeeper.chain.PoolSettings.DEFAULT_MAX_LAG_BLOCKS : maxLagBlocks,
          maxResponseMb == null
              ? io.collateralkeeper.chain.PoolSettings.DEFAULT_MAX_RESPONSE_BYTES
              : maxResponseMb << 20);
    }

    /** The reorg depth, default 64. */
    public long reorgDepthOrDefault() {
      return reorgDepth == null ? 64 : reorgDepth;
    }
  }

  /** The protocol, chosen by its {@code type} key. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ReferenceVault.class, name = "reference-vault"),
    @JsonSubTypes.Type(value = AaveV3.class, name = "aave-v3")
  })
  public sealed interface Protocol permits ReferenceVault, AaveV3 {
    /** Block to start indexing events from. */
    Long startBlock();

    /** Largest eth_getLogs block range, or null for the default. */
    Long maxLogRange();

    /** A Multicall3 address, or null for the canonical one. */
    String multicall();
  }

  /**
   * The reference cross-margin vault ({@code type: reference-vault}).
   *
   * @param vault the CrossMarginVault address
   * @param multicall a Multicall3 address (default: the canonical 0xcA11...CA11)
   * @param startBlock block to start indexing from (the vault's deployment block is best)
   * @param maxLogRange largest eth_getLogs block range (default 5000)
   */
  public record ReferenceVault(String vault, String multicall, Long startBlock, Long maxLogRange)
      implements Protocol {}

  /**
   * An Aave V3 market or fork ({@code type: aave-v3}); everything but the addresses provider is read from the chain.
   *
   * @param addressesProvider the market's PoolAddressesProvider
   * @param multicall a Multicall3 address (default: the canonical 0xcA11...CA11)
   * @param startBlock block to start indexing Pool events from (the Pool's deployment block is best)
   * @param maxLogRange largest eth_getLogs block range (default 5000)
   * @param funding {@code inventory} (the keeper's wallet holds the debt asset and calls the Pool) or {@code
   *     flash-loan} (our FlashLiquidator executor borrows it); default inventory
   * @param executor the FlashLiquidator address (required for flash-loan funding; its owner must be the wallet)
   * @param receiveAToken inventory mode: take the seized collateral as aTokens instead of the underlying
   * @param dexRouter the Uniswap V2 router used to price (and, with flash loans, sell) seized collateral
   * @param swapConnector optional token to route swaps through when no direct pair exists (e.g. WETH)
   */
  public record AaveV3(
      String addressesProvider,
      String multicall,
      Long startBlock,
      Long maxLogRange,
      String funding,
      String executor,
      Boolean receiveAToken,
      String dexRouter,
      String swapConnector)
      implements Protocol {
    /** True when the strategy chose flash-loan funding. */
    public boolean flashLoan() {
      return "flash-loan".equals(funding);
    }
  }

  /**
   * @param keystore path of an encrypted Ethereum V3 keystore
   * @param passwordFile path of a file holding its password
   */
  public record Wallet(String keystore, String passwordFile) {}

  /**
   * @param minProfitUsd smallest net profit (after gas) worth a transaction, USD
   * @param targetHealth health factor a liquidation should restore (at least 1.0; default 1.02)
   * @param fullRefreshBlocks re-read every account every this many blocks (default: the protocol's, 0 for the
   *     reference vault whose every state change emits an event naming the account, 300 for Aave V3 whose aToken
   *     transfers move balances without a Pool event); 0 = only accounts touched by each block's events
   */
  public record Liquidation(BigDecimal minProfitUsd, BigDecimal targetHealth, Long fullRefreshBlocks) {
    public Liquidation(BigDecimal minProfitUsd, BigDecimal targetHealth) {
      this(minProfitUsd, targetHealth, null);
    }
  }

  /**
   * Fee caps and the bid policy. The tip offered for an opportunity with expected profit P (before gas) and simulated
   * gas G is {@code clamp(bidShare x (P - G x baseFee) / G, floor, maxPriorityFee)}, where the floor is the larger of
   * {@code minPriorityFeeGwei} and the {@code feeHistoryPercentile} reward of the last {@code feeHistoryBlocks}.
   *
   * @param maxFeeGwei absolute cap on maxFeePerGas, gwei
   * @param maxPriorityFeeGwei absolute cap on the tip, gwei (default: maxFeeGwei)
   * @param minPriorityFeeGwei static floor of the tip, gwei (default 0)
   * @param bidShareBps share of the net profit offered as tip, bps (default 8000 = 80%)
   * @param feeHistoryBlocks recent blocks whose rewards set the floor (default 10; 0 disables)
   * @param feeHistoryPercentile reward percentile of those blocks (default 50)
   * @param blocksAhead blocks of base fee growth (12.5% each) that maxFeePerGas must cover (default 3)
   * @param minMarginBps share of P that must remain after the worst-case gas cost, bps (default 1000 = 10%)
   * @param replaceAfterBlocks blocks without inclusion after which a transaction is replaced with fees +10% or
   *     more (default 3)
   * @param nativeUsdFeed Chainlink feed of the native coin in USD (8 decimals), to price gas
   * @param gasLimitBufferBps margin added to the simulated gas use, bps (default 2500 = 25%)
   */
  public record Gas(
      BigDecimal maxFeeGwei,
      BigDecimal maxPriorityFeeGwei,
      BigDecimal minPriorityFeeGwei,
      Long bidShareBps,
      Long feeHistoryBlocks,
      Long feeHistoryPercentile,
      Long blocksAhead,
      Long minMarginBps,
      Long replaceAfterBlocks,
      String nativeUsdFeed,
      Long gasLimitBufferBps) {
    /**
     * Caps, a static tip floor (no fee-history floor: on a private devnet the only recent tips are one's own) and the
     * feed; every other setting at its default.
     */
    public static Gas basic(BigDecimal maxFeeGwei, BigDecimal minPriorityFeeGwei, String nativeUsdFeed) {
      return new Gas(maxFeeGwei, null, minPriorityFeeGwei, null, 0L, null, null, null, null, nativeUsdFeed, null);
    }
  }

  /**
   * How signed transactions reach a block.
   *
   * @param mode {@code public} (eth_sendRawTransaction to every RPC endpoint) or {@code bundle} (eth_sendBundle to
   *     every relay, resent each block until included); default public
   * @param relays bundle relay / builder URLs (bundle mode)
   * @param identityKeystore keystore of the key that signs X-Flashbots-Signature (bundle mode); not the funds key
   * @param identityPasswordFile its password file
   * @param maxBundleBlocks blocks to keep resending a bundle before giving up on it (default 5)
   * @param payment how the builder is paid on the bundle route: {@code priority-fee} (default) or {@code coinbase}
   *     (a transfer to {@code block.coinbase} from the executor after its profit check; Aave flash-loan funding)
   */
  public record Route(
      String mode, List<String> relays, String identityKeystore, String identityPasswordFile, Long maxBundleBlocks,
      String payment) {
    /** True when transactions go as bundles. */
    public boolean bundle() {
      return "bundle".equals(mode);
    }

    /** True when bundle bids are paid to {@code block.coinbase} by the executor. */
    public boolean coinbasePayment() {
      return "coinbase".equals(payment);
    }
  }

  /**
   * Protect mode: keep the user's own accounts out of liquidation ({@code keeper protect}). Amounts of tokens are whole
   * tokens (decimals allowed), converted with each token's on-chain {@code decimals()}.
   *
   * @param accounts the protected accounts and their health bands
   * @param actions what to do below the band, in order: {@code top-up}, {@code repay} (Aave), {@code reduce} (vault);
   *     default top-up, then repay (Aave) or reduce (vault)
   * @param assets the tokens the wallet may spend (top-up, repay), in order of preference, with their limits
   * @param maxGasPriceGwei cap on maxFeePerGas for protect transactions, gwei (default: gas.max-fee-gwei)
   * @param minNativeBalance native coin (ETH) the wallet keeps for gas; an action whose worst-case gas would dip below
   *     it is not sent (default 0)
   * @param auto how {@code target: auto} is computed
   */
  public record Protect(
      List<ProtectAccount> accounts,
      List<String> actions,
      List<ProtectAsset> assets,
      BigDecimal maxGasPriceGwei,
      BigDecimal minNativeBalance,
      Auto auto) {}

  /**
   * One protected account.
   *
   * @param address the account (for the vault: the wallet's own address, since only the account itself can deposit
   *     to or trade on it; for Aave: any account, topped up and repaid on its behalf)
   * @param min the health that triggers an action (at least 1.0)
   * @param target the health an action restores: a number at least {@code min}, or {@code auto} (see {@link Auto})
   * @param max optional: above it, surplus collateral is withdrawn down to the target (the account must be the
   *     wallet's own)
   */
  public record ProtectAccount(String address, BigDecimal min, String target, BigDecimal max) {
    /** True when the target is derived from market data. */
    public boolean autoTarget() {
      return "auto".equals(target);
    }
  }

  /**
   * A token protect mode may spend, and its limits (whole tokens).
   *
   * @param token the ERC-20 address
   * @param maxPerAction most one transaction may move (default: no limit)
   * @param maxPerDay most all transactions of one UTC day may move (default: no limit)
   * @param minWalletBalance what always stays in the wallet (default 0)
   */
  public record ProtectAsset(String token, BigDecimal maxPerAction, BigDecimal maxPerDay, BigDecimal minWalletBalance) {}

  /**
   * The volatility-aware target: realized volatility and correlation of the account's assets from their feeds' round
   * history (EWMA over {@code getRoundData}), parametric VaR (or expected shortfall) of the account's surplus over the
   * horizon, and target = floor + loss / (health denominator).
   *
   * @param horizonMinutes horizon H, minutes (default 60)
   * @param confidence q (default 0.99)
   * @param floor the health to stay above under the adverse move (default 1.0; at least 1.0)
   * @param rounds feed rounds read back from the latest (default 200)
   * @param ewmaLambda EWMA decay per round interval (default 0.94)
   * @param measure {@code var} (default) or {@code es}: which loss the target covers
   */
  public record Auto(
      Long horizonMinutes, BigDecimal confidence, BigDecimal floor, Long rounds, BigDecimal ewmaLambda, String measure) {}
}
