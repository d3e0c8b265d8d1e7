package io.collateralkeeper.protocol;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/** What the keeper should do about one account: act with a transaction, or skip for a stated reason. */
public sealed interface Decision {
  /** The account concerned. */
  Address account();

  /**
   * Send {@code call}; it should earn {@code revenueUsdWad} before gas.
   *
   * @param account the account
   * @param call the transaction to send
   * @param revenueUsdWad expected revenue before gas, USD wad (e.g. the liquidation fee paid out of collateral)
   * @param summary a one-line human description (market, size, health before and after)
   * @param coinbase how to make the call pay {@code block.coinbase} instead of a priority fee, when the protocol's
   *     executor can (bundle route, {@code route.payment: coinbase})
   */
  record Act(
      Address account, TxCall call, BigInteger revenueUsdWad, String summary, java.util.Optional<CoinbasePayment> coinbase)
      implements Decision {
    /** An action that can only pay by priority fee. */
    public Act(Address account, TxCall call, BigInteger revenueUsdWad, String summary) {
      this(account, call, revenueUsdWad, summary, java.util.Optional.empty());
    }
  }

  /**
   * Do nothing, because {@code reason}.
   *
   * @param account the account
   * @param reason why not (e.g. "stale price feed ...", "not liquidatable")
   */
  record Skip(Address account, String reason) implements Decision {}

  static Decision skip(Address account, String reason) {
    return new Skip(account, reason);
  }
}
