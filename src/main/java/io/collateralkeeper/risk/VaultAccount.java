package io.collateralkeeper.risk;

import java.math.BigInteger;
import java.util.List;

/**
 * One account's state in the reference vault, as returned by {@code CrossMarginVault.getAccount}.
 *
 * @param balances collateral balances in token units (raw, token decimals), by collateral id
 * @param cash realized PnL balance, signed USD wad
 * @param sizes signed position sizes in base-asset wad (positive = long), by market id
 * @param entryPrices entry prices, USD with 8 decimals, by market id (0 without a position)
 */
public record VaultAccount(
    List<BigInteger> balances, BigInteger cash, List<BigInteger> sizes, List<BigInteger> entryPrices) {
  public VaultAccount {
    balances = List.copyOf(balances);
    sizes = List.copyOf(sizes);
    entryPrices = List.copyOf(entryPrices);
    if (sizes.size() != entryPrices.size()) throw new IllegalArgumentException("sizes and entry prices differ in length");
  }

  /** True when the account holds at least one position. */
  public boolean hasPosition() {
    return sizes.stream().anyMatch(s -> s.signum() != 0);
  }
}
