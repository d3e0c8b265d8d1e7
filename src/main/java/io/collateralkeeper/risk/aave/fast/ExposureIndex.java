package io.collateralkeeper.risk.aave.fast;

import java.util.BitSet;

/**
 * Which users (by slot number) have each reserve as collateral or debt, and which have stable debt: the index from
 * asset to accounts that lets a price change re-evaluate only the accounts exposed to it.
 */
final class ExposureIndex {
  private final BitSet[] collateral = new BitSet[256];
  private final BitSet[] borrowing = new BitSet[256];
  private final BitSet stableDebt = new BitSet();

  /** Records a position's exposures under {@code slot}. */
  void add(int slot, CompactPosition p) {
    set(slot, p, true);
  }

  /** Forgets a position's exposures. */
  void remove(int slot, CompactPosition p) {
    set(slot, p, false);
  }

  private void set(int slot, CompactPosition p, boolean value) {
    for (int k = 0; k < p.count; k++) {
      int id = p.reserveId(k);
      if (p.isCollateral(k)) bits(collateral, id).set(slot, value);
      if (p.isBorrowing(k)) bits(borrowing, id).set(slot, value);
    }
    stableDebt.set(slot, value && p.hasStableDebt());
  }

  /** Adds to {@code dirty} the users a market change affects. */
  void markAffected(MarketChanges changes, BitSet dirty) {
    changes.risk().stream().forEach(id -> {
      or(dirty, collateral, id);
      or(dirty, borrowing, id);
    });
    changes.income().stream().forEach(id -> or(dirty, collateral, id));
    changes.debt().stream().forEach(id -> or(dirty, borrowing, id));
    if (changes.timestampChanged()) dirty.or(stableDebt);
  }

  private static void or(BitSet into, BitSet[] byReserve, int id) {
    if (id < byReserve.length && byReserve[id] != null) into.or(byReserve[id]);
  }

  private static BitSet bits(BitSet[] byReserve, int id) {
    if (byReserve[id] == null) byReserve[id] = new BitSet();
    return byReserve[id];
  }
}
