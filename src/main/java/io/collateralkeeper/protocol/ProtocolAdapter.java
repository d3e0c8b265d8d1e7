package io.collateralkeeper.protocol;

import io.collateralkeeper.domain.Address;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.web3j.protocol.core.methods.response.Log;

/**
 * What the keeper needs from a lending or derivatives protocol. One instance keeps one market (a vault, an Aave
 * pool) and caches its state between blocks; the daemon calls it from one thread.
 *
 * <p>Per block the daemon: indexes the {@link #eventSources()}' logs and passes them to {@link #accountsIn}, calls
 * {@link #refresh} with the accounts to (re)read, then {@link #evaluate} and, for liquidatable accounts, {@link
 * #planLiquidation}. Health factors are wad (1e18 = 1.0) and equal what the protocol's own view function returns, to
 * the wei. Money amounts are USD wad unless a method says otherwise.
 */
public interface ProtocolAdapter {
  /** Short protocol name for logs and the journal, e.g. "reference-vault". */
  String name();

  /** A stable key of this market for the journal's account index, e.g. "aave-v3:0x87870bca...". */
  default String marketKey() {
    return name() + ":" + String.join(",", eventSources().stream().map(Address::hex).toList());
  }

  /** Contracts whose events reveal accounts (indexed from the strategy's start block). */
  List<Address> eventSources();

  /** Accounts that the given logs (from the event sources) show to have, or have had, a position. */
  Set<Address> accountsIn(List<Log> logs);

  /**
   * Accounts whose stored state the given logs (from the event sources) show changed: the daemon re-reads only
   * these after the first head (and all of them every {@link #defaultFullRefreshBlocks()} blocks unless the strategy
   * says otherwise). The default is {@link #accountsIn}.
   */
  default Set<Address> touchedBy(List<Log> logs) {
    return accountsIn(logs);
  }

  /**
   * How often (blocks) every account should be re-read when the strategy does not say: 0 when every change of an
   * account's stored state emits an event {@link #touchedBy} sees.
   */
  default long defaultFullRefreshBlocks() {
    return 0;
  }

  /**
   * Loads market state (parameters, prices) at {@code block} and the state of {@code accounts} in batches.
   *
   * @param block block to read at
   * @param blockTimestamp the block's timestamp, unix seconds (for oracle staleness)
   * @param accounts accounts to (re)read; others keep their cached state
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  void refresh(long block, long blockTimestamp, Collection<Address> accounts);

  /** Health of every account read so far, computed locally from the cached state. */
  List<AccountHealth> evaluate();

  /**
   * The accounts liquidatable at the last refresh (health factor below 1.0), computed locally. Adapters that
   * evaluate incrementally (only accounts re-read or exposed to a changed price) override this; the default filters
   * {@link #evaluate()}.
   */
  default List<Address> liquidatable() {
    return evaluate().stream().filter(AccountHealth::liquidatable).map(AccountHealth::account).toList();
  }

  /**
   * Plans the most profitable liquidation of one account from the cached state, or says why not (not liquidatable,
   * stale or invalid price, nothing to seize).
   *
   * <p>The daemon plans several accounts at once, on several threads, between two refreshes: an implementation reads
   * its cached state here and changes nothing shared.
   *
   * @param minRevenueUsdWad revenue the liquidation should bring at least (gas plus minimum profit), USD wad; the
   *     adapter may grow the size to reach it where the protocol allows
   */
  Decision planLiquidation(Address account, java.math.BigInteger minRevenueUsdWad);

  /**
   * Revenue (USD wad, before gas) that an included transaction of ours earned, read from its receipt's logs (e.g.
   * the {@code feePaid} of a liquidation event whose liquidator is {@code keeper}).
   */
  java.math.BigInteger revenueIn(List<Log> receiptLogs, Address keeper);

  /**
   * Ether our executor paid to {@code block.coinbase} in an included transaction (a bundle bid), read from its
   * receipt's logs; zero when the protocol has no such executor.
   *
   * @return wei
   */
  default java.math.BigInteger coinbasePaidWei(List<Log> receiptLogs) {
    return java.math.BigInteger.ZERO;
  }

  /** Every account the adapter knows of. */
  Set<Address> accounts();

  /**
   * Forgets accounts whose revealing events left the chain in a reorg (their cached state too); the daemon calls it
   * after rolling its index back. The default removes them from {@link #accounts()}, which must then be a live view
   * of the adapter's cache (override otherwise).
   */
  default void forget(Collection<Address> gone) {
    accounts().removeAll(gone);
  }

  /**
   * One-time transactions the keeper must send before it can act (e.g. ERC-20 approvals of the Pool for inventory
   * funding); the daemon sends them once at start-up, journaled like every other transaction.
   *
   * @param keeper the sending address
   * @param block block to read the current state (allowances) at
   */
  default List<TxCall> preparation(Address keeper, long block) {
    return List.of();
  }

  /**
   * The feeds the protocol prices with at the last refresh, with the asset each prices (for the stale and deviating
   * price guard, {@link io.collateralkeeper.oracle.PriceGuard}). May read the chain at the last refreshed block; called
   * only when an account is about to be liquidated.
   *
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  default List<io.collateralkeeper.oracle.PriceSource> priceSources() {
    return List.of();
  }

  /** The assets (for markets without a token: the feeds) whose prices one account's health depends on. */
  default Set<Address> pricedAssetsOf(Address account) {
    return Set.of();
  }

  /**
   * Accounts the logs (from the {@link #eventSources()}) show liquidated by someone other than the keeper: a
   * competitor won them.
   *
   * @param keeper the keeper's sending address (and whatever executor contract acts for it is also "us")
   */
  default Set<Address> liquidatedByOthers(List<Log> logs, Address keeper) {
    return Set.of();
  }
}
