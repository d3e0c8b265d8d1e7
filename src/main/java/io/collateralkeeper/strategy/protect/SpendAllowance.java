package io.collateralkeeper.strategy.protect;

import java.math.BigInteger;

/**
 * How much of a token one protect action may spend now: the least of the per-action limit, what the daily limit has
 * left, and the wallet balance above the minimum it keeps. Never negative. Pure.
 *
 * @param amount token units
 * @param limitedBy which bound gives {@code amount}
 */
public record SpendAllowance(BigInteger amount, Bound limitedBy) {
  /** The bound that binds. */
  public enum Bound {
    MAX_PER_ACTION("max-per-action"),
    MAX_PER_DAY("max-per-day"),
    WALLET("wallet balance above min-wallet-balance");

    private final String text;

    Bound(String text) {
      this.text = text;
    }

    /** The strategy key or description, for messages. */
    public String text() {
      return text;
    }
  }

  /**
   * @param limits the token's limits
   * @param walletBalance the wallet's balance now, token units
   * @param spentToday what protect transactions moved (or, in flight, will move) today, token units
   */
  public static SpendAllowance of(AssetLimits limits, BigInteger walletBalance, BigInteger spentToday) {
    BigInteger amount = walletBalance.subtract(limits.minWalletBalance());
    Bound bound = Bound.WALLET;
    if (limits.maxPerDay().isPresent()) {
      BigInteger left = limits.maxPerDay().get().subtract(spentToday);
      if (left.compareTo(amount) < 0) {
        amount = left;
        bound = Bound.MAX_PER_DAY;
      }
    }
    if (limits.maxPerAction().isPresent() && limits.maxPerAction().get().compareTo(amount) < 0) {
      amount = limits.maxPerAction().get();
      bound = Bound.MAX_PER_ACTION;
    }
    return new SpendAllowance(amount.max(BigInteger.ZERO), bound);
  }
}
