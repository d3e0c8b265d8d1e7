package io.collateralkeeper.risk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's own vault calls applied to a local copy of their account, mirrored from {@code
 * contracts/CrossMarginVault.sol}: {@code deposit}, {@code withdraw} (with its {@code _requireInitialMargin} check)
 * and a {@code trade} that reduces a position toward zero. Combined with {@link VaultMath} they give the exact health
 * an action will leave. Pure: no I/O.
 */
public final class VaultUserOps {
  private VaultUserOps() {}

  /**
   * {@code deposit(collateralId, amount)}: the balance grows by {@code amount}.
   *
   * @param amount token units (the collateral's decimals), at least 0
   */
  public static VaultAccount deposit(VaultAccount account, int collateralId, BigInteger amount) {
    if (amount.signum() < 0) throw new IllegalArgumentException("negative deposit");
    List<BigInteger> balances = new ArrayList<>(account.balances());
    balances.set(collateralId, balances.get(collateralId).add(amount));
    return new VaultAccount(balances, account.cash(), account.sizes(), account.entryPrices());
  }

  /**
   * {@code withdraw(collateralId, amount)} without the margin check (see {@link #meetsInitialMargin}).
   *
   * @param amount token units, at most the balance
   * @throws IllegalArgumentException when the balance is smaller (the contract reverts with InsufficientBalance)
   */
  public static VaultAccount withdraw(VaultAccount account, int collateralId, BigInteger amount) {
    BigInteger bal = account.balances().get(collateralId);
    if (amount.signum() < 0 || bal.compareTo(amount) < 0) {
      throw new IllegalArgumentException("withdrawal of " + amount + " exceeds the balance " + bal);
    }
    List<BigInteger> balances = new ArrayList<>(account.balances());
    balances.set(collateralId, bal.subtract(amount));
    return new VaultAccount(balances, account.cash(), account.sizes(), account.entryPrices());
  }

  /**
   * {@code trade(marketId, sizeDelta)} with {@code sizeDelta} of the opposite sign of the position and {@code |sizeDelta|
   * <= |position|}: the closed part's PnL is realized into cash at the mark price; the entry price stays (0 once
   * closed).
   *
   * @param closeAbs size to close, unsigned base-asset wad, at most the position's size
   * @throws IllegalArgumentException when there is no position or {@code closeAbs} exceeds it
   */
  public static VaultAccount reduce(VaultAccount account, VaultPrices prices, int marketId, BigInteger closeAbs) {
    BigInteger size = account.sizes().get(marketId);
    if (size.signum() == 0) throw new IllegalArgumentException("no position in market " + marketId);
    if (closeAbs.signum() < 0 || closeAbs.compareTo(size.abs()) > 0) {
      throw new IllegalArgumentException("cannot close " + closeAbs + " of a position of " + size);
    }
    BigInteger closed = size.signum() > 0 ? closeAbs : closeAbs.negate();
    BigInteger price = prices.market().get(marketId);
    BigInteger realized = VaultMath.pnl(closed, price, account.entryPrices().get(marketId));
    BigInteger newSize = size.subtract(closed);
    List<BigInteger> sizes = new ArrayList<>(account.sizes());
    List<BigInteger> entries = new ArrayList<>(account.entryPrices());
    sizes.set(marketId, newSize);
    if (newSize.signum() == 0) entries.set(marketId, BigInteger.ZERO);
    return new VaultAccount(account.balances(), account.cash().add(realized), sizes, entries);
  }

  /** {@code _requireInitialMargin}: no initial requirement, or equity at least the initial requirement. */
  public static boolean meetsInitialMargin(VaultConfig config, VaultAccount account, VaultPrices prices) {
    AccountValue v = VaultMath.value(config, account, prices);
    return v.initial().signum() == 0 || v.equity().compareTo(v.initial()) >= 0;
  }
}
