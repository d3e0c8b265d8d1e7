package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.risk.fast.MutableInt128;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CrossMarginVault._seize} on one account at one price set, in 128-bit arithmetic: pays a fee out of the
 * collaterals in id order and reports what was paid and how much haircut equity the account lost. Equal to the wei to
 * {@link io.collateralkeeper.risk.VaultMath#liquidate}'s seizing and to the collateral term of {@link
 * io.collateralkeeper.risk.VaultMath#value}. Holds scratch registers: not thread-safe, one per planning call.
 */
final class SeizeModel {
  private static final BigInteger BPS = Units.BPS;

  private final Seizable[] collaterals;
  private final MutableInt128 paidSoFar = new MutableInt128();
  private final MutableInt128 owed = new MutableInt128();
  private final MutableInt128 amount = new MutableInt128();
  private final MutableInt128 value = new MutableInt128();
  private final MutableInt128 left = new MutableInt128();

  /**
   * One collateral the account holds: balance (token units), its value at the oracle price and its haircut equity
   * (USD wad), and the vault's conversions with the powers of ten cancelled.
   */
  private record Seizable(
      MutableInt128 balance, MutableInt128 fullValue, MutableInt128 fullEquity, Ratio amountPerUsd, Ratio usdPerAmount,
      Ratio equityPerAmount) {}

  private SeizeModel(Seizable[] collaterals) {
    this.collaterals = collaterals;
  }

  /**
   * The model of an account's collaterals, or empty when a value is beyond the 128-bit range (or a ratio term beyond
   * 63 bits), a balance is negative or a collateral's id differs from its position.
   *
   * @param prices must be positive for every collateral the account holds (as {@code VaultMath.value} checks)
   */
  static Optional<SeizeModel> of(VaultConfig config, VaultAccount account, VaultPrices prices) {
    List<Seizable> out = new ArrayList<>();
    List<VaultCollateral> cs = config.collaterals();
    for (int i = 0; i < cs.size(); i++) {
      VaultCollateral c = cs.get(i);
      if (c.id() != i) return Optional.empty();
      BigInteger bal = account.balances().get(i);
      if (bal.signum() == 0) continue;
      if (bal.signum() < 0 || bal.bitLength() > 127) return Optional.empty();
      Optional<Seizable> s = seizable(c, bal, prices.collateral().get(i));
      if (s.isEmpty()) return Optional.empty();
      out.add(s.get());
    }
    return Optional.of(new SeizeModel(out.toArray(Seizable[]::new)));
  }

  private static Optional<Seizable> seizable(VaultCollateral c, BigInteger bal, BigInteger price) {
    int d = c.decimals();
    BigInteger haircutPrice = price.multiply(BPS.subtract(BigInteger.valueOf(c.haircutBps())));
    // value = amount x price x 1e10 / 10^d; amount = usd x 10^d / (price x 1e10); equity = amount x price x (1 - h) x 1e10 / 10^d
    Optional<Ratio> usdPerAmount = d >= 10 ? Ratio.of(price, pow10(d - 10)) : Ratio.of(price.multiply(pow10(10 - d)), BigInteger.ONE);
    Optional<Ratio> amountPerUsd = d >= 10 ? Ratio.of(pow10(d - 10), price) : Ratio.of(BigInteger.ONE, price.multiply(pow10(10 - d)));
    Optional<Ratio> equityPerAmount =
        d >= 6 ? Ratio.of(haircutPrice, pow10(d - 6)) : Ratio.of(haircutPrice.multiply(pow10(6 - d)), BigInteger.ONE);
    if (usdPerAmount.isEmpty() || amountPerUsd.isEmpty() || equityPerAmount.isEmpty()) return Optional.empty();
    try {
      MutableInt128 balance = MutableInt128.of(bal);
      MutableInt128 fullValue = usdPerAmount.get().applyTo(MutableInt128.of(bal));
      MutableInt128 fullEquity = equityPerAmount.get().applyTo(MutableInt128.of(bal));
      return Optional.of(new Seizable(balance, fullValue, fullEquity, amountPerUsd.get(), usdPerAmount.get(), equityPerAmount.get()));
    } catch (ArithmeticException beyond128Bits) {
      return Optional.empty();
    }
  }

  /**
   * Pays {@code fee} as {@code _seize}: {@code paid}, unless null, receives the fee paid (USD wad); {@code equityLost},
   * unless null, the haircut collateral equity the account loses (USD wad). {@code fee} must not be one of the other
   * arguments.
   *
   * @throws ArithmeticException when an intermediate value leaves the 128-bit range
   */
  void pay(MutableInt128 fee, MutableInt128 paid, MutableInt128 equityLost) {
    MutableInt128 sum = paid != null ? paid : paidSoFar;
    sum.set(0);
    if (equityLost != null) equityLost.set(0);
    int last = collaterals.length - 1;
    for (int i = 0; i <= last; i++) {
      if (sum.compareTo(fee) >= 0) break;
      Seizable c = collaterals[i];
      owed.set(fee).subtract(sum);
      if (c.fullValue.compareTo(owed) > 0) {
        c.amountPerUsd.applyTo(amount.set(owed));
        if (amount.isZero()) continue;
        if (paid != null || i < last) sum.add(c.usdPerAmount.applyTo(value.set(amount))); // else nobody reads it
        if (equityLost != null) {
          c.equityPerAmount.applyTo(left.set(c.balance).subtract(amount));
          equityLost.add(c.fullEquity).subtract(left);
        }
      } else {
        sum.add(c.fullValue);
        if (equityLost != null) equityLost.add(c.fullEquity);
      }
    }
  }

  private static BigInteger pow10(int k) {
    return BigInteger.TEN.pow(k);
  }
}
