package io.collateralkeeper.daemon;

import java.util.ArrayList;
import java.util.List;

/** Splits a head's liquidations into send waves: a small first one, then waves of a fixed size. Pure. */
final class Waves {
  private Waves() {}

  /**
   * @param all the items, in sending order
   * @param first size of the first wave, at least 1
   * @param rest size of every later wave, at least 1
   * @return consecutive sublists covering {@code all} in order (empty when {@code all} is)
   * @throws IllegalArgumentException when a size is below 1
   */
  static <T> List<List<T>> of(List<T> all, int first, int rest) {
    if (first < 1 || rest < 1) throw new IllegalArgumentException("wave sizes must be at least 1");
    List<List<T>> out = new ArrayList<>();
    int from = 0;
    int size = first;
    while (from < all.size()) {
      int to = Math.min(all.size(), from + size);
      out.add(all.subList(from, to));
      from = to;
      size = rest;
    }
    return out;
  }
}
