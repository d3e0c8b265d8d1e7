package io.collateralkeeper.risk;

import java.math.BigInteger;

/**
 * A collateral asset of the reference vault, as listed by {@code CrossMarginVault.listCollateral}.
 *
 * @param id collateral id (index in the vault's {@code collaterals} array)
 * @param decimals the token's ERC-20 decimals
 * @param haircutBps haircut in basis points: collateral counts at {@code price x (1 - haircut)}
 */
public record VaultCollateral(int id, int decimals, int haircutBps) {
  public VaultCollateral {
    if (decimals < 0 || decimals > 36) throw new IllegalArgumentException("decimals out of range: " + decimals);
    if (haircutBps < 0 || haircutBps >= 10_000) throw new IllegalArgumentException("haircut out of range: " + haircutBps);
  }

  /** 10^decimals: the raw amount of one whole token. */
  public BigInteger unit() {
    return Units.unit(decimals);
  }
}
