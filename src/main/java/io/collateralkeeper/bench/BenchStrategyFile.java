package io.collateralkeeper.bench;

import io.collateralkeeper.devnet.VaultDeployment;

/**
 * The strategy file of the bench vault, as {@code strategies/devnet-vault.yaml} is for the demo's (pure): what a
 * separate {@code keeper run} process is started with.
 */
final class BenchStrategyFile {
  private BenchStrategyFile() {}

  /**
   * The YAML text.
   *
   * @param rpcUrl the bench chain's endpoint
   * @param rpcTimeoutMs one call's timeout: reading 100,000 accounts in one batch takes seconds
   */
  static String yaml(String rpcUrl, VaultDeployment d, long rpcTimeoutMs) {
    return """
        chain:
          rpc-urls: ["%s"]
          chain-id: 31337
          rpc-timeout-ms: %d
        protocol:
          type: reference-vault
          vault: "%s"
          multicall: "%s"
          start-block: %d
        liquidation:
          min-profit-usd: 0.01
          target-health: 1.02
        gas:
          max-fee-gwei: 200
          min-priority-fee-gwei: 0.1
          fee-history-blocks: 0
          native-usd-feed: "%s"
        """
        .formatted(rpcUrl, rpcTimeoutMs, d.vault().hex(), d.multicall().hex(), d.deployBlock(), d.ethFeed().hex());
  }
}
