package io.collateralkeeper.risk.fast;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health of every account of one reference vault, kept current incrementally and computed exactly as {@link
 * VaultMath} ({@code CrossMarginVault._accountValue} and {@code _health}) to the wei, in 128-bit integer arithmetic
 * over columnar storage (see {@link AccountColumns}); accounts outside the 128-bit range fall back to {@link
 * VaultMath} for that account only.
 *
 * <p>{@link #put} and {@link #setPrices} only mark accounts dirty: a price change marks the accounts exposed to that
 * asset (a non-zero balance of the collateral, a non-zero position in the market) through an asset-to-accounts
 * index. {@link #evaluate} re-evaluates the dirty accounts; every query evaluates what is dirty first, so answers
 * always reflect the latest puts and prices. An account that uses an asset whose price is {@code <= 0} (the vault
 * reverts with {@code InvalidPrice}) has health uint256 max and is not liquidatable. Not thread-safe.
 */
public final class VaultHealthBook {
  private static final int INITIAL_CAPACITY = 64;
  /** From this many dirty accounts on, {@link #evaluate} splits the work over the common fork-join pool. */
  static final int PARALLEL_FROM = 8192;

  private final VaultConfig config;
  private final Map<Address, Integer> slots = new HashMap<>();
  private final AccountColumns columns;
  private final AccountValues values;
  private final SlotList[] collateralExposure;
  private final SlotList[] marketExposure;
  private final SlotList dirty;
  private final SlotList liquidatable;
  private Address[] addresses = new Address[INITIAL_CAPACITY];
  private VaultAccount[] states = new VaultAccount[INITIAL_CAPACITY];
  private int[] freeSlots = new int[0];
  private int freeCount;
  private int highWater; // slots 0..highWater-1 have been used
  private VaultPriceTable prices;

  /**
   * @param config the vault's collaterals and markets (ids must equal their list positions)
   * @throws IllegalArgumentException when an id differs from its position
   */
  public VaultHealthBook(VaultConfig config) {
    for (int i = 0; i < config.collaterals().size(); i++) {
      if (config.collaterals().get(i).id() != i) throw new IllegalArgumentException("collateral " + i + " has id " + config.collaterals().get(i).id());
    }
    for (int i = 0; i < config.markets().size(); i++) {
      if (config.markets().get(i).id() != i) throw new IllegalArgumentException("market " + i + " has id " + config.markets().get(i).id());
    }
    this.config = config;
    this.columns = new AccountColumns(config, INITIAL_CAPACITY);
    this.values = new AccountValues(config, columns);
    this.collateralExposure = lists(config.collaterals().size());
    this.marketExposure = lists(config.markets().size());
    this.dirty = new SlotList(INITIAL_CAPACITY);
    this.liquidatable = new SlotList(INITIAL_CAPACITY);
  }

  /**
   * Adds an account or replaces its state, and marks it dirty.
   *
   * @param state balances (token units) by collateral id, cash (signed USD wad), sizes (signed base wad) and entry
   *     prices (USD 8 decimals) by market id
   * @throws IllegalArgumentException when the state does not have one balance per collateral and one size per market
   */
  public void put(Address account, VaultAccount state) {
    if (state.balances().size() != columns.collaterals || state.sizes().size() != columns.markets) {
      throw new IllegalArgumentException("account " + account + " has " + state.balances().size() + " balances and "
          + state.sizes().size() + " positions; the vault has " + columns.collaterals + " collaterals and "
          + columns.markets + " markets");
    }
    Integer existing = slots.get(account);
    int slot = existing != null ? existing : allocate(account);
    for (int c = 0; c < columns.collaterals; c++) collateralExposure[c].set(slot, state.balances().get(c).signum() != 0);
    for (int m = 0; m < columns.markets; m++) marketExposure[m].set(slot, state.sizes().get(m).signum() != 0);
    states[slot] = state;
    columns.store(slot, state);
    dirty.add(slot);
  }

  /** Forgets an account (no-op when unknown). */
  public void remove(Address account) {
    Integer slot = slots.remove(account);
    if (slot == null) return;
    for (SlotList l : collateralExposure) l.remove(slot);
    for (SlotList l : marketExposure) l.remove(slot);
    dirty.remove(slot);
    liquidatable.remove(slot);
    values.clear(slot);
    states[slot] = null;
    addresses[slot] = null;
    if (freeCount == freeSlots.length) freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
    freeSlots[freeCount++] = slot;
  }

  /** Number of accounts. */
  public int size() {
    return slots.size();
  }

  public boolean contains(Address account) {
    return slots.containsKey(account);
  }

  /**
   * Sets the oracle prices (USD 8 decimals, by collateral and market id). Accounts exposed to an asset whose price
   * differs from the previous call become dirty; the first call makes every account dirty.
   *
   * @throws IllegalArgumentException when there is not one price per collateral and per market
   */
  public void setPrices(VaultPrices newPrices) {
    VaultPriceTable next = VaultPriceTable.of(config, newPrices);
    VaultPriceTable previous = prices;
    prices = next;
    if (previous == null) {
      for (int slot = 0; slot < highWater; slot++) if (addresses[slot] != null) dirty.add(slot);
      return;
    }
    for (int c = 0; c < collateralExposure.length; c++) if (next.collateralChanged(previous, c)) markDirty(collateralExposure[c]);
    for (int m = 0; m < marketExposure.length; m++) if (next.marketChanged(previous, m)) markDirty(marketExposure[m]);
  }

  /**
   * Re-evaluates the dirty accounts.
   *
   * @return how many were evaluated
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public int evaluate() {
    requirePrices();
    int n = dirty.size();
    if (n >= PARALLEL_FROM) {
      // accounts are independent (each writes only its own slot's values): evaluated on every core, the liquidatable
      // set updated after, on this thread
      boolean[] below = new boolean[n];
      java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
        int slot = dirty.get(i);
        below[i] = values.evaluate(slot, states[slot], prices);
      });
      for (int i = 0; i < n; i++) liquidatable.set(dirty.get(i), below[i]);
    } else {
      for (int i = 0; i < n; i++) evaluateSlot(dirty.get(i));
    }
    dirty.clear();
    return n;
  }

  /**
   * Re-evaluates every account, dirty or not (benchmarks, tests).
   *
   * @return how many were evaluated
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public int evaluateAll() {
    requirePrices();
    int n = 0;
    for (int slot = 0; slot < highWater; slot++) {
      if (addresses[slot] == null) continue;
      evaluateSlot(slot);
      n++;
    }
    dirty.clear();
    return n;
  }

  /**
   * True when the account's health factor is below 1 (1e18); false for an unknown account.
   *
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public boolean liquidatable(Address account) {
    Integer slot = slots.get(account);
    if (slot == null) return false;
    refresh(slot);
    return liquidatable.contains(slot);
  }

  /**
   * The liquidatable accounts, sorted by address.
   *
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public List<Address> liquidatable() {
    evaluate();
    List<Address> out = new ArrayList<>(liquidatable.size());
    for (int i = 0; i < liquidatable.size(); i++) out.add(addresses[liquidatable.get(i)]);
    out.sort(null);
    return out;
  }

  /**
   * The account's health factor (wad), equal to {@link VaultMath#healthFactor}; uint256 max when it has no
   * requirement or uses an asset whose price is {@code <= 0}.
   *
   * @throws IllegalArgumentException for an unknown account
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public BigInteger healthFactor(Address account) {
    return values.healthFactor(known(account));
  }

  /**
   * The account's equity (signed USD wad) as {@link VaultMath#value}; empty when it uses an invalid price.
   *
   * @throws IllegalArgumentException for an unknown account
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public Optional<BigInteger> equity(Address account) {
    return values.equity(known(account));
  }

  /**
   * The account's maintenance requirement (USD wad) as {@link VaultMath#value}; empty when it uses an invalid price.
   *
   * @throws IllegalArgumentException for an unknown account
   * @throws IllegalStateException before the first {@link #setPrices}
   */
  public Optional<BigInteger> maintenance(Address account) {
    return values.maintenance(known(account));
  }

  /** Number of accounts with a non-zero balance of collateral {@code id}. */
  public int exposedToCollateral(int id) {
    return collateralExposure[id].size();
  }

  /** Number of accounts with a non-zero position in market {@code id}. */
  public int exposedToMarket(int id) {
    return marketExposure[id].size();
  }

  /** Which path evaluated the account ({@link AccountValues#FAST}, SLOW or INVALID); for tests. */
  byte path(Address account) {
    return values.status(known(account));
  }

  private int known(Address account) {
    Integer slot = slots.get(account);
    if (slot == null) throw new IllegalArgumentException("unknown account " + account);
    refresh(slot);
    return slot;
  }

  private void refresh(int slot) {
    requirePrices();
    if (dirty.remove(slot)) evaluateSlot(slot);
  }

  private void evaluateSlot(int slot) {
    liquidatable.set(slot, values.evaluate(slot, states[slot], prices));
  }

  private void markDirty(SlotList exposed) {
    for (int i = 0, n = exposed.size(); i < n; i++) dirty.add(exposed.get(i));
  }

  private void requirePrices() {
    if (prices == null) throw new IllegalStateException("no prices yet: call setPrices first");
  }

  private int allocate(Address account) {
    int slot;
    if (freeCount > 0) {
      slot = freeSlots[--freeCount];
    } else {
      slot = highWater++;
      if (slot == addresses.length) grow(addresses.length * 2);
    }
    addresses[slot] = account;
    slots.put(account, slot);
    return slot;
  }

  private void grow(int capacity) {
    addresses = Arrays.copyOf(addresses, capacity);
    states = Arrays.copyOf(states, capacity);
    columns.allocate(capacity);
    values.allocate(capacity);
    for (SlotList l : collateralExposure) l.ensureSlotCapacity(capacity);
    for (SlotList l : marketExposure) l.ensureSlotCapacity(capacity);
    dirty.ensureSlotCapacity(capacity);
    liquidatable.ensureSlotCapacity(capacity);
  }

  private static SlotList[] lists(int n) {
    SlotList[] out = new SlotList[n];
    for (int i = 0; i < n; i++) out[i] = new SlotList(INITIAL_CAPACITY);
    return out;
  }
}
