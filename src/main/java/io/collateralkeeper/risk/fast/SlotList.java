package io.collateralkeeper.risk.fast;

import java.util.Arrays;

/**
 * A set of int slots with O(1) add, remove and membership and iteration in insertion order (removal moves the last
 * item into the hole): an int array plus a slot-to-position index. No boxing. Not thread-safe.
 */
final class SlotList {
  private int[] items = new int[16];
  private int size;
  private int[] position; // position[slot] = index in items + 1; 0 = absent

  SlotList(int slotCapacity) {
    position = new int[slotCapacity];
  }

  /** Makes room for slots {@code 0..slotCapacity-1}. */
  void ensureSlotCapacity(int slotCapacity) {
    if (slotCapacity > position.length) position = Arrays.copyOf(position, slotCapacity);
  }

  /** Adds a slot; false when it was already present. */
  boolean add(int slot) {
    if (position[slot] != 0) return false;
    if (size == items.length) items = Arrays.copyOf(items, size * 2);
    items[size++] = slot;
    position[slot] = size;
    return true;
  }

  /** Removes a slot; false when it was absent. */
  boolean remove(int slot) {
    int p = position[slot];
    if (p == 0) return false;
    int last = items[--size];
    items[p - 1] = last;
    position[last] = p;
    position[slot] = 0;
    return true;
  }

  /** Adds the slot when {@code present}, removes it otherwise. */
  void set(int slot, boolean present) {
    if (present) add(slot);
    else remove(slot);
  }

  boolean contains(int slot) {
    return position[slot] != 0;
  }

  int size() {
    return size;
  }

  /** The {@code i}-th slot, {@code 0 <= i < size()}. */
  int get(int i) {
    return items[i];
  }

  /** Removes every slot (O(size)). */
  void clear() {
    for (int i = 0; i < size; i++) position[items[i]] = 0;
    size = 0;
  }
}
