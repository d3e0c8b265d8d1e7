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
 * @param gas fee caps
 */
public record StrategyConfig(
    Chain chain, Protocol protocol, Wallet wallet, Liquidation liquidation, Gas gas) {

  /**
   * @param rpcUrls JSON-RPC endpoints, tried in order
   * @param chainId the chain id the endpoints must report (protects against pointing at the wrong chain)
   * @param pollIntervalMs how often to poll for a new head, milliseconds (default 500)
   * @param rpcTimeoutMs timeout of one RPC call, milliseconds (default 10000)
   */
  public record Chain(List<String> rpcUrls, Long chainId, Long pollIntervalMs, Long rpcTimeoutMs) {}

  /** The protocol, chosen by its {@code type} key. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = ReferenceVault.class, name = "reference-vault")})
  public sealed interface Protocol permits ReferenceVault {
    /** Block to start indexing events from. */
    Long startBlock();
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
   * @param keystore path of an encrypted Ethereum V3 keystore
   * @param passwordFile path of a file holding its password
   */
  public record Wallet(String keystore, String passwordFile) {}

  /**
   * @param minProfitUsd smallest net profit (after gas) worth a transaction, USD
   * @param targetHealth health factor a liquidation should restore (at least 1.0; default 1.02)
   */
  public record Liquidation(BigDecimal minProfitUsd, BigDecimal targetHealth) {}

  /**
   * @param maxFeeGwei cap on maxFeePerGas, gwei
   * @param priorityFeeGwei priority fee (tip) to offer, gwei
   * @param nativeUsdFeed Chainlink feed of the native coin in USD (8 decimals), to price gas
   * @param gasLimitBufferBps margin added to the simulated gas use, bps (default 2500 = 25%)
   */
  public record Gas(BigDecimal maxFeeGwei, BigDecimal priorityFeeGwei, String nativeUsdFeed, Long gasLimitBufferBps) {}
}
