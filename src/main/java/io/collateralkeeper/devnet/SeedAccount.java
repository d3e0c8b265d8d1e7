package io.collateralkeeper.devnet;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * An account to open on a development vault.
 *
 * @param address the account (impersonated on the dev chain)
 * @param deposits collateral to deposit, token units by collateral id (0 for none)
 * @param trades position to open, signed base-asset wad by market id (0 for none)
 */
public record SeedAccount(Address address, List<BigInteger> deposits, List<BigInteger> trades) {
  public SeedAccount {
    deposits = List.copyOf(deposits);
    trades = List.copyOf(trades);
  }

  /** True when every position is long (or absent). */
  public boolean isLong() {
    return trades.stream().allMatch(t -> t.signum() >= 0);
  }
}
