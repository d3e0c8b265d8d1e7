package io.collateralkeeper.ops;

/** What an alert is about; alerts are rate-limited per kind. */
public enum AlertKind {
  /** No new head processed for longer than {@code ops.stale-head-s}. */
  STALE_HEAD,
  /** The wallet's native balance is below {@code ops.wallet-floor-eth}. */
  WALLET_BELOW_FLOOR,
  /** Every RPC endpoint failed its last exchanges. */
  RPC_DOWN,
  /** A liquidation was refused because a price is stale or deviates from its second source. */
  STALE_ORACLE,
  /** A transaction of ours was included with a failed status. */
  TX_REVERTED,
  /** Bundles missed {@code ops.bundle-misses-alert} target blocks in a row. */
  BUNDLE_NOT_INCLUDED,
  /** Protect mode cannot bring one of the operator's own accounts back to safety. */
  PROTECT_FAILED
}
