package io.collateralkeeper.risk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference vault's margin math, mirrored operation for operation from {@code contracts/CrossMarginVault.sol}
 * ({@code _accountValue}, {@code _health}, {@code liquidate}, {@code _seize}). Every division truncates toward zero
 * in the same order as the contract, so results equal the contract's to the wei. Pure: no I/O.
 */
public final class VaultMath {
  private static final BigInteger PRICE_TO_WAD = BigInteger.TEN.pow(10);
  private static final BigInteger PRICE_BPS = Units.PRICE_UNIT.multiply(Units.BPS);

  private VaultMath() {}

  /**
   * Equity, maintenance and initial requirement of an account ({@code CrossMarginVault.accountValue}).
   *
   * @throws IllegalArgumentException when a price the account needs is not positive (the contract reverts with
   *     {@code InvalidPrice})
   */
  public static AccountValue value(VaultConfig config, VaultAccount account, VaultPrices prices) {
    BigInteger equity = BigInteger.ZERO;
    for (VaultCollateral c : config.collaterals()) {
      BigInteger bal = account.balances().get(c.id());
      if (bal.signum() == 0) continue;
      BigInteger price = positive(prices.collateral().get(c.id()));
      BigInteger haircutFactor = Units.BPS.subtract(BigInteger.valueOf(c.haircutBps()));
      equity = equity.add(
          bal.multiply(price).multiply(haircutFactor).multiply(PRICE_TO_WAD).divide(c.unit().multiply(Units.BPS)));
    }
    equity = equity.add(account.cash());
    BigInteger maintenance = BigInteger.ZERO;
    BigInteger initial = BigInteger.ZERO;
    for (VaultMarket m : config.markets()) {
      BigInteger size = account.sizes().get(m.id());
      if (size.signum() == 0) continue;
      BigInteger price = positive(prices.market().get(m.id()));
      equity = equity.add(pnl(size, price, account.entryPrices().get(m.id())));
      BigInteger notional = size.abs().multiply(price);
      maintenance = maintenance.add(notional.multiply(BigInteger.valueOf(m.maintenanceMarginBps())).divide(PRICE_BPS));
      initial = initial.add(notional.multiply(BigInteger.valueOf(m.initialMarginBps())).divide(PRICE_BPS));
    }
    return new AccountValue(equity, maintenance, initial);
  }

  /** Health factor (wad) of an account, as {@code CrossMarginVault.healthFactor}. */
  public static BigInteger healthFactor(VaultConfig config, VaultAccount account, VaultPrices prices) {
    return value(config, account, prices).healthFactor();
  }

  /**
   * Applies {@code CrossMarginVault.liquidate(account, marketId, size)} to a local copy of the account. The caller
   * must have checked that the account is liquidatable; this method does not (the contract would revert).
   *
   * @param size requested size, unsigned base-asset wad; the contract closes {@code min(size, |position|)}
   * @throws IllegalArgumentException when the account has no position in the market or size is zero
   */
  public static LiquidationOutcome liquidate(
      VaultConfig config, VaultAccount account, VaultPrices prices, int marketId, BigInteger size) {
    VaultMarket m = config.markets().get(marketId);
    BigInteger posSize = account.sizes().get(marketId);
    if (posSize.signum() == 0) throw new IllegalArgumentException("no position in market " + marketId);
    if (size.signum() <= 0) throw new IllegalArgumentException("size must be positive");
    BigInteger price = positive(prices.market().get(marketId));
    BigInteger closedAbs = size.min(posSize.abs());
    BigInteger closed = posSize.signum() > 0 ? closedAbs : closedAbs.negate();
    BigInteger entry = account.entryPrices().get(marketId);
    BigInteger realized = pnl(closed, price, entry);
    BigInteger newSize = posSize.subtract(closed);

    List<BigInteger> sizes = new ArrayList<>(account.sizes());
    List<BigInteger> entries = new ArrayList<>(account.entryPrices());
    sizes.set(marketId, newSize);
    if (newSize.signum() == 0) entries.set(marketId, BigInteger.ZERO);

    BigInteger fee = closedAbs.multiply(price).multiply(BigInteger.valueOf(m.liquidationFeeBps())).divide(PRICE_BPS);
    List<BigInteger> balances = new ArrayList<>(account.balances());
    List<BigInteger> seized = new ArrayList<>(java.util.Collections.nCopies(balances.size(), BigInteger.ZERO));
    BigInteger paid = seize(config, balances, prices, fee, seized);
    VaultAccount after = new VaultAccount(balances, account.cash().add(realized), sizes, entries);
    return new LiquidationOutcome(after, closedAbs, price, realized, fee, paid, seized);
  }

  /** {@code _seize}: pays {@code fee} out of {@code balances} (mutated) in collateral order; returns what was paid. */
  private static BigInteger seize(
      VaultConfig config, List<BigInteger> balances, VaultPrices prices, BigInteger fee, List<BigInteger> seized) {
    BigInteger paid = BigInteger.ZERO;
    for (VaultCollateral c : config.collaterals()) {
      if (paid.compareTo(fee) >= 0) break;
      BigInteger bal = balances.get(c.id());
      if (bal.signum() == 0) continue;
      BigInteger price = positive(prices.collateral().get(c.id()));
      BigInteger unit = c.unit();
      BigInteger value = bal.multiply(price).multiply(PRICE_TO_WAD).divide(unit);
      BigInteger amount = bal;
      BigInteger owed = fee.subtract(paid);
      if (value.compareTo(owed) > 0) {
        amount = owed.multiply(unit).divide(price.multiply(PRICE_TO_WAD));
        value = amount.multiply(price).multiply(PRICE_TO_WAD).divide(unit);
      }
      if (amount.signum() == 0) continue;
      balances.set(c.id(), bal.subtract(amount));
      seized.set(c.id(), amount);
      paid = paid.add(value);
    }
    return paid;
  }

  /** {@code _pnl}: size x (price - entry) / 1e8, truncated toward zero; signed USD wad. */
  static BigInteger pnl(BigInteger size, BigInteger price, BigInteger entryPrice) {
    return size.multiply(price.subtract(entryPrice)).divide(Units.PRICE_UNIT);
  }

  private static BigInteger positive(BigInteger price) {
    if (price == null || price.signum() <= 0) throw new IllegalArgumentException("invalid oracle price: " + price);
    return price;
  }
}
