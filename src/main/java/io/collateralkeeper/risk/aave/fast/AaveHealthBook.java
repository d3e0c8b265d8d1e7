package io.collateralkeeper.risk.aave.fast;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tracked Aave V3 account's exact health factor at the current market, kept up to date incrementally:
 * {@link #setMarket} marks dirty only the accounts whose inputs changed, {@link #evaluate} recomputes those with
 * {@link FastAaveMath} (equal to {@code AaveMath.accountData} and {@code Pool.getUserAccountData}, to the wei).
 *
 * <p>Which accounts a new market dirties, by reserve, through an index from reserve to accounts:
 *
 * <ul>
 *   <li>a price (own or e-mode source), LTV, liquidation threshold, decimals or listing change: every account with
 *       the reserve in its configuration (collateral or debt);
 *   <li>a normalized income change: accounts with the reserve as collateral; a normalized variable debt change:
 *       accounts borrowing it; a new block timestamp: accounts with stable debt;
 *   <li>a change to the e-mode categories themselves: every account.
 * </ul>
 *
 * <p>Interest: Aave balances accrue through the indexes, which move every block for every reserve with a non-zero
 * rate. This book does not bound that drift: a new block re-evaluates, exactly, every account holding a reserve
 * whose index moved (all of them, in practice). That is a full pass once per block at the fast path's cost (about
 * 20 ms per 100,000 accounts on one core); within a block (the same timestamp, so unchanged indexes), a price change
 * re-evaluates only the accounts exposed to that asset. A health factor is therefore never stale after
 * {@link #evaluate}.
 *
 * <p>Accounts whose evaluation reverts (an {@link ArithmeticException}, as {@code getUserAccountData} would revert)
 * are kept as unevaluable: not liquidatable, and {@link #healthFactor} rethrows. Not thread-safe: confine to one
 * thread (the keeper's per-head loop).
 */
public final class AaveHealthBook {
  /** {@link #kind}: the fast path gave {@link #adjusted} and {@link #debt}. */
  private static final byte FAST_RESULT = 0;
  /** {@link #kind}: the health factor is in {@link #exactHealth} (the BigInteger path gave it). */
  private static final byte EXACT = 1;
  /** {@link #kind}: the evaluation reverted. */
  private static final byte REVERTED = 2;
  private static final int FAST = 1 << 8;

  private final Map<Address, Integer> slots = new HashMap<>();
  private final Deque<Integer> freeSlots = new ArrayDeque<>();
  private final ExposureIndex exposure = new ExposureIndex();
  private final BitSet dirty = new BitSet();
  private final BitSet liquidatable = new BitSet();
  private final FastAaveMath math = new FastAaveMath();
  private final AccountResult scratch = new AccountResult();
  /** All positions' packed entries, contiguous in slot order after a compaction (sequential reads). */
  private long[] arena = new long[1 << 16];
  private int arenaEnd;
  private int arenaGarbage;
  private int[] offset = new int[1024];
  private int[] count = new int[1024];
  /** E-mode category | {@link #FAST} when the position is packable. */
  private int[] mode = new int[1024];
  private CompactPosition[] positions = new CompactPosition[1024];
  private Address[] users = new Address[1024];
  /** Per slot: adjusted collateral ({@code percentMul(collateral, threshold)}) and total debt, base currency. */
  private long[] adjusted = new long[1024];
  private long[] debt = new long[1024];
  private byte[] kind = new byte[1024];
  private BigInteger[] exactHealth = new BigInteger[1024];
  private int used;
  private AaveMarketView view;

  /** Adds or replaces a user's position (read from the pool at the market's block); marks it dirty. */
  public void put(AavePosition position) {
    CompactPosition packed = CompactPosition.of(position);
    Integer slot = slots.get(position.user());
    if (slot == null) {
      slot = freeSlots.isEmpty() ? used++ : freeSlots.pop();
      ensureCapacity(slot + 1);
      slots.put(position.user(), slot);
    } else {
      exposure.remove(slot, positions[slot]);
      arenaGarbage += count[slot] * CompactPosition.STRIDE;
    }
    store(slot, packed);
    positions[slot] = packed;
    users[slot] = position.user();
    exposure.add(slot, packed);
    dirty.set(slot);
    liquidatable.clear(slot);
  }

  /** Stops tracking a user; false when they were not tracked. */
  public boolean remove(Address user) {
    Integer slot = slots.remove(user);
    if (slot == null) return false;
    exposure.remove(slot, positions[slot]);
    arenaGarbage += count[slot] * CompactPosition.STRIDE;
    count[slot] = 0;
    positions[slot] = null;
    users[slot] = null;
    exactHealth[slot] = null;
    dirty.clear(slot);
    liquidatable.clear(slot);
    freeSlots.push(slot);
    return true;
  }

  /** Tracked users. */
  public int size() {
    return slots.size();
  }

  /** Users waiting for {@link #evaluate}. */
  public int dirtyCount() {
    return dirty.cardinality();
  }

  /**
   * Moves to a new market state (a new block, or new prices within a block) and marks dirty the users it affects.
   *
   * @return the number of users now waiting for {@link #evaluate} (this change's plus any already dirty)
   */
  public int setMarket(AaveMarket market) {
    AaveMarketView next = AaveMarketView.of(market);
    if (view == null) {
      for (int slot : slots.values()) dirty.set(slot);
    } else {
      MarketChanges changes = MarketChanges.between(view, next);
      if (changes.everything()) {
        for (int slot : slots.values()) dirty.set(slot);
      } else {
        exposure.markAffected(changes, dirty);
      }
    }
    view = next;
    return dirty.cardinality();
  }

  /** The current market. */
  public AaveMarket market() {
    return requireMarket().market();
  }

  /**
   * Re-evaluates every dirty user at the current market.
   *
   * @return the number of users evaluated
   * @throws IllegalStateException when no market was set
   * @throws IllegalArgumentException when the market lacks a price or e-mode category a user needs (that user and
   *     the ones not yet reached stay dirty)
   */
  public int evaluate() {
    AaveMarketView v = requireMarket();
    int count = 0;
    for (int slot = dirty.nextSetBit(0); slot >= 0; slot = dirty.nextSetBit(slot + 1)) {
      evaluateSlot(slot, v);
      dirty.clear(slot);
      count++;
    }
    return count;
  }

  /** The users whose health factor is below 1 after {@link #evaluate} (which this calls). */
  public List<Address> liquidatable() {
    evaluate();
    List<Address> out = new ArrayList<>();
    for (int slot = liquidatable.nextSetBit(0); slot >= 0; slot = liquidatable.nextSetBit(slot + 1)) {
      out.add(users[slot]);
    }
    return out;
  }

  /**
   * A user's exact health factor at the current market (evaluated now if dirty), wad; uint256 max without debt.
   *
   * @throws IllegalArgumentException when the user is not tracked, or a price or e-mode category is missing
   * @throws IllegalStateException when no market was set
   * @throws ArithmeticException when {@code getUserAccountData} would revert for this user
   */
  public BigInteger healthFactor(Address user) {
    int slot = slotOf(user);
    if (dirty.get(slot)) {
      evaluateSlot(slot, requireMarket());
      dirty.clear(slot);
    }
    return switch (kind[slot]) {
      case REVERTED -> accountData(user).healthFactor(); // rethrows the revert
      case EXACT -> exactHealth[slot];
      default -> FastAaveMath.healthFactor(adjusted[slot], debt[slot]);
    };
  }

  /**
   * A user's full {@code getUserAccountData} at the current market, computed now.
   *
   * @throws IllegalArgumentException when the user is not tracked, or a price or e-mode category is missing
   * @throws IllegalStateException when no market was set
   * @throws ArithmeticException when {@code getUserAccountData} would revert for this user
   */
  public AaveAccountData accountData(Address user) {
    AccountResult out = new AccountResult();
    new FastAaveMath().evaluate(positions[slotOf(user)], requireMarket(), out);
    return out.toAccountData();
  }

  private void evaluateSlot(int slot, AaveMarketView v) {
    try {
      int m = mode[slot];
      math.evaluate(
          arena, offset[slot], count[slot], m & 0xFF, (m & FAST) != 0, positions[slot], v, scratch, false);
    } catch (ArithmeticException reverted) {
      kind[slot] = REVERTED;
      exactHealth[slot] = null;
      liquidatable.clear(slot);
      return;
    }
    if (scratch.fastPath()) {
      kind[slot] = FAST_RESULT;
      adjusted[slot] = scratch.adjustedCollateral;
      debt[slot] = scratch.totalDebt;
      exactHealth[slot] = null;
    } else {
      kind[slot] = EXACT;
      exactHealth[slot] = scratch.healthFactor();
    }
    liquidatable.set(slot, scratch.liquidatable());
  }

  private int slotOf(Address user) {
    Integer slot = slots.get(user);
    if (slot == null) throw new IllegalArgumentException("user " + user + " is not in the health book");
    return slot;
  }

  private AaveMarketView requireMarket() {
    if (view == null) throw new IllegalStateException("no market set: call setMarket first");
    return view;
  }

  /** Appends a position's entries to the arena (compacting it first when half of it is garbage). */
  private void store(int slot, CompactPosition p) {
    int length = p.count * CompactPosition.STRIDE;
    if (arenaGarbage > arenaEnd / 2 && arenaGarbage > (1 << 16)) compact();
    if (arenaEnd + length > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaEnd + length));
    System.arraycopy(p.entries, 0, arena, arenaEnd, length);
    offset[slot] = arenaEnd;
    count[slot] = p.count;
    mode[slot] = p.eMode & 0xFF | (p.fast() ? FAST : 0);
    arenaEnd += length;
  }

  /** Rewrites the arena without garbage, in slot order. */
  private void compact() {
    long[] next = new long[Math.max(1 << 16, (arenaEnd - arenaGarbage) * 2)];
    int end = 0;
    for (int slot = 0; slot < used; slot++) {
      int length = count[slot] * CompactPosition.STRIDE;
      System.arraycopy(arena, offset[slot], next, end, length);
      offset[slot] = end;
      end += length;
    }
    arena = next;
    arenaEnd = end;
    arenaGarbage = 0;
  }

  private void ensureCapacity(int n) {
    if (n <= positions.length) return;
    int size = Math.max(n, positions.length * 2);
    offset = Arrays.copyOf(offset, size);
    count = Arrays.copyOf(count, size);
    mode = Arrays.copyOf(mode, size);
    positions = Arrays.copyOf(positions, size);
    users = Arrays.copyOf(users, size);
    adjusted = Arrays.copyOf(adjusted, size);
    debt = Arrays.copyOf(debt, size);
    kind = Arrays.copyOf(kind, size);
    exactHealth = Arrays.copyOf(exactHealth, size);
  }
}
