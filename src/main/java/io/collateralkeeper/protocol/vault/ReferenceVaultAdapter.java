package io.collateralkeeper.protocol.vault;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.oracle.PriceSource;
import io.collateralkeeper.protocol.AccountHealth;
import io.collateralkeeper.protocol.Decision;
import io.collateralkeeper.protocol.PriceSnapshot;
import io.collateralkeeper.protocol.ProtectRequest;
import io.collateralkeeper.protocol.ProtectionAdapter;
import io.collateralkeeper.protocol.ProtocolAdapter;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.risk.fast.VaultHealthBook;
import io.collateralkeeper.strategy.VaultLiquidationPlan;
import io.collateralkeeper.strategy.VaultLiquidationPlanner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@link ProtocolAdapter} for the reference {@code CrossMarginVault}: accounts come from {@code PositionChanged} and
 * {@code Deposited} events; state is read with {@code getAccount} through Multicall3; health and liquidation sizing use
 * {@link VaultMath} and {@link VaultLiquidationPlanner}. As a {@link ProtectionAdapter} it sizes the wallet's own
 * deposits, reductions and withdrawals with the same math ({@link VaultProtection}).
 */
public final class ReferenceVaultAdapter implements ProtectionAdapter {
  private static final String POSITION_CHANGED =
      EventEncoder.encode(io.collateralkeeper.contracts.CrossMarginVault.POSITIONCHANGED_EVENT);
  private static final String DEPOSITED =
      EventEncoder.encode(io.collateralkeeper.contracts.CrossMarginVault.DEPOSITED_EVENT);

  private static final String LIQUIDATED =
      EventEncoder.encode(io.collateralkeeper.contracts.CrossMarginVault.LIQUIDATED_EVENT);
  /** Every event that changes an account's stored state; each names the account in topic 1. */
  private static final Set<String> ACCOUNT_CHANGES =
      Set.of(
          POSITION_CHANGED,
          DEPOSITED,
          LIQUIDATED,
          EventEncoder.encode(io.collateralkeeper.contracts.CrossMarginVault.WITHDRAWN_EVENT),
          EventEncoder.encode(io.collateralkeeper.contracts.CrossMarginVault.COLLATERALSEIZED_EVENT));

  private final VaultReader reader;
  private final VaultLiquidationPlanner planner;
  private final Map<Address, VaultAccount> accounts = new LinkedHashMap<>();
  private VaultLayout layout;
  /** Health of every account, exact, re-evaluated only where an account was re-read or a price it uses moved. */
  private VaultHealthBook book;
  private Map<Address, FeedReading> feeds = Map.of();
  private VaultPrices prices;
  private long blockTimestamp;

  public ReferenceVaultAdapter(VaultReader reader, VaultLiquidationPlanner planner) {
    this.reader = reader;
    this.planner = planner;
  }

  @Override
  public String name() {
    return "reference-vault";
  }

  @Override
  public List<Address> eventSources() {
    return List.of(reader.vault());
  }

  @Override
  public Set<Address> accountsIn(List<Log> logs) {
    Set<Address> out = new LinkedHashSet<>();
    for (Log log : logs) {
      if (log.getTopics().size() < 2 || !reader.vault().hex().equalsIgnoreCase(log.getAddress())) continue;
      String topic0 = log.getTopics().get(0);
      if (topic0.equals(POSITION_CHANGED) || topic0.equals(DEPOSITED)) {
        out.add(Address.fromWord(log.getTopics().get(1)));
      }
    }
    return out;
  }

  /**
   * Accounts named by any event that changes an account's stored state: {@code Deposited}, {@code Withdrawn},
   * {@code PositionChanged}, {@code Liquidated}, {@code CollateralSeized} (every state-changing function of the vault
   * emits one of them for the account it changes; there is no interest accrual).
   */
  @Override
  public Set<Address> touchedBy(List<Log> logs) {
    Set<Address> out = new LinkedHashSet<>();
    for (Log log : logs) {
      if (log.getTopics() == null || log.getTopics().size() < 2 || log.isRemoved()) continue;
      if (!reader.vault().hex().equalsIgnoreCase(log.getAddress())) continue;
      if (ACCOUNT_CHANGES.contains(log.getTopics().get(0))) out.add(Address.fromWord(log.getTopics().get(1)));
    }
    return out;
  }

  @Override
  public void refresh(long block, long timestamp, Collection<Address> toRead) {
    if (layout == null) layout = reader.readLayout(block);
    VaultReader.Reading r = reader.read(List.copyOf(layout.feeds()), List.copyOf(toRead), block);
    feeds = r.feeds();
    prices = layout.prices(feeds);
    blockTimestamp = timestamp;
    accounts.putAll(r.accounts());
    if (book == null) book = new VaultHealthBook(layout.config());
    r.accounts().forEach(book::put);
    book.setPrices(prices);
    book.evaluate();
  }

  /** Every account's health from the book (exact, as {@code CrossMarginVault.healthFactor}). */
  @Override
  public List<AccountHealth> evaluate() {
    if (book == null) return List.of();
    List<AccountHealth> out = new ArrayList<>(accounts.size());
    for (Address a : accounts.keySet()) out.add(new AccountHealth(a, book.healthFactor(a)));
    return out;
  }

  /**
   * The book's liquidatable accounts: after a refresh only the accounts re-read and those exposed to a changed price
   * were evaluated again.
   */
  @Override
  public List<Address> liquidatable() {
    return book == null ? List.of() : book.liquidatable();
  }

  @Override
  public void forget(Collection<Address> gone) {
    for (Address a : gone) {
      accounts.remove(a);
      if (book != null) book.remove(a);
    }
  }

  @Override
  public Decision planLiquidation(Address account, java.math.BigInteger minRevenueUsdWad) {
    VaultAccount state = accounts.get(account);
    if (state == null) return Decision.skip(account, "unknown account");
    Optional<String> stale = staleFeed(state);
    if (stale.isPresent()) return Decision.skip(account, stale.get());
    Optional<VaultLiquidationPlan> plan = planner.plan(layout.config(), state, prices, minRevenueUsdWad);
    if (plan.isEmpty()) return Decision.skip(account, "not liquidatable");
    VaultLiquidationPlan p = plan.get();
    if (p.revenueUsdWad().signum() == 0) return Decision.skip(account, "no collateral left to pay the fee");
    String summary =
        "market %d size %s health %s -> %s fee $%s"
            .formatted(
                p.marketId(),
                Units.formatWad(p.size(), 6),
                Units.formatHealth(p.healthBefore()),
                Units.formatHealth(p.healthAfter()),
                Units.formatWad(p.revenueUsdWad(), 2));
    TxCall call = TxCall.of(reader.vault(), reader.abi().liquidate(account, p.marketId(), p.size()));
    return new Decision.Act(account, call, p.revenueUsdWad(), summary);
  }

  @Override
  public java.math.BigInteger revenueIn(List<Log> receiptLogs, Address keeper) {
    java.math.BigInteger total = java.math.BigInteger.ZERO;
    for (Log log : receiptLogs) {
      if (!reader.vault().hex().equalsIgnoreCase(log.getAddress())) continue;
      if (log.getTopics().size() != 4 || !log.getTopics().get(0).equals(LIQUIDATED)) continue;
      if (!Address.fromWord(log.getTopics().get(3)).equals(keeper)) continue;
      var event = io.collateralkeeper.contracts.CrossMarginVault.getLiquidatedEventFromLog(log);
      total = total.add(event.feePaid);
    }
    return total;
  }

  @Override
  public Set<Address> accounts() {
    return accounts.keySet();
  }

  /** The cached state of one account (tests and tools). */
  public Optional<VaultAccount> account(Address a) {
    return Optional.ofNullable(accounts.get(a));
  }

  private java.math.BigInteger health(VaultAccount state) {
    try {
      return VaultMath.healthFactor(layout.config(), state, prices);
    } catch (IllegalArgumentException invalidPrice) {
      return Units.MAX_UINT256; // the vault would revert: nothing can be done for this account now
    }
  }

  /** The first feed this account depends on whose answer is older than the vault's heartbeat. */
  private Optional<String> staleFeed(VaultAccount state) {
    long heartbeat = layout.config().heartbeatSeconds();
    for (Address f : usedFeeds(state)) {
      FeedReading r = feeds.get(f);
      if (r.isStale(blockTimestamp, heartbeat)) {
        return Optional.of(
            "stale price feed %s: updated %d s ago, heartbeat %d s".formatted(f, blockTimestamp - r.updatedAt(), heartbeat));
      }
      if (r.answer().signum() <= 0) return Optional.of("invalid price from feed " + f + ": " + r.answer());
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ protect mode

  @Override
  public Optional<java.math.BigInteger> health(Address account) {
    VaultAccount state = accounts.get(account);
    return state == null ? Optional.empty() : Optional.of(health(state));
  }

  @Override
  public Optional<String> protectionBlocked(Address account) {
    VaultAccount state = accounts.get(account);
    if (state == null) return Optional.of("account not read");
    return staleFeed(state);
  }

  @Override
  public List<io.collateralkeeper.strategy.protect.ProtectOption> sizeProtection(Address account, ProtectRequest request) {
    VaultAccount state = accounts.get(account);
    if (state == null || staleFeed(state).isPresent()) return List.of();
    return VaultProtection.size(layout, state, prices, request);
  }

  @Override
  public TxCall encodeProtection(Address account, Address wallet, io.collateralkeeper.strategy.protect.ProtectOption option) {
    return VaultProtection.encode(layout, reader.abi(), reader.vault(), accounts.get(account), option);
  }

  @Override
  public PriceSnapshot priceSnapshot() {
    return new VaultProtection.Snapshot(prices);
  }

  @Override
  public Optional<java.math.BigInteger> healthAt(Address account, PriceSnapshot snapshot) {
    VaultAccount state = accounts.get(account);
    if (state == null) return Optional.empty();
    return Optional.of(VaultMath.healthFactor(layout.config(), state, ((VaultProtection.Snapshot) snapshot).prices()));
  }

  @Override
  public Optional<io.collateralkeeper.risk.var.Exposure> exposure(Address account, java.math.BigInteger floorWad) {
    VaultAccount state = accounts.get(account);
    if (state == null || staleFeed(state).isPresent()) return Optional.empty();
    return VaultProtection.exposure(layout, state, prices, floorWad);
  }

  @Override
  public List<TxCall> protectionApprovals(Address wallet, Collection<Address> tokens, long block) {
    if (layout == null) layout = reader.readLayout(block);
    List<Address> collaterals = tokens.stream().filter(layout.tokens()::contains).toList();
    return io.collateralkeeper.protocol.Erc20Approvals.missing(reader.multicall(), wallet, reader.vault(), collaterals, block);
  }

  @Override
  public java.math.BigInteger healthOnChain(Address account, long block) {
    return reader.healthOnChain(account, block);
  }

  /** The feeds of the collaterals the account holds and the markets it has a position in. */
  private Set<Address> usedFeeds(VaultAccount state) {
    Set<Address> used = new LinkedHashSet<>();
    for (int c = 0; c < state.balances().size(); c++) {
      if (state.balances().get(c).signum() != 0) used.add(layout.collateralFeeds().get(c));
    }
    for (int m = 0; m < state.sizes().size(); m++) {
      if (state.sizes().get(m).signum() != 0) used.add(layout.marketFeeds().get(m));
    }
    return used;
  }

  /** Collateral tokens priced by their feeds; perp markets (no token) by their feed as the asset. */
  @Override
  public List<PriceSource> priceSources() {
    if (layout == null) return List.of();
    List<PriceSource> out = new ArrayList<>();
    for (int c = 0; c < layout.tokens().size(); c++) {
      out.add(new PriceSource(layout.tokens().get(c), layout.collateralFeeds().get(c)));
    }
    for (Address f : layout.marketFeeds()) out.add(new PriceSource(f, f));
    return out;
  }

  @Override
  public Set<Address> pricedAssetsOf(Address account) {
    VaultAccount state = accounts.get(account);
    if (state == null) return Set.of();
    Set<Address> out = new LinkedHashSet<>();
    for (int c = 0; c < state.balances().size(); c++) {
      if (state.balances().get(c).signum() != 0) out.add(layout.tokens().get(c));
    }
    for (int m = 0; m < state.sizes().size(); m++) {
      if (state.sizes().get(m).signum() != 0) out.add(layout.marketFeeds().get(m));
    }
    return out;
  }

  /** Accounts in the vault's {@code Liquidated} events whose liquidator is not the keeper. */
  @Override
  public Set<Address> liquidatedByOthers(List<Log> logs, Address keeper) {
    Set<Address> out = new LinkedHashSet<>();
    for (Log log : logs) {
      if (log.getTopics() == null || log.getTopics().size() != 4 || log.isRemoved()) continue;
      if (!reader.vault().hex().equalsIgnoreCase(log.getAddress()) || !log.getTopics().get(0).equals(LIQUIDATED)) continue;
      if (!Address.fromWord(log.getTopics().get(3)).equals(keeper)) out.add(Address.fromWord(log.getTopics().get(1)));
    }
    return out;
  }
}
