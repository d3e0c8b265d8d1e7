package io.collateralkeeper.risk.var;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Map;

/**
 * How an account's health surplus moves with its assets' prices, for the VaR target. With health = numerator /
 * denominator and floor k, the surplus is {@code S = numerator - k x denominator}; {@code deltas} holds dS / d(ln p)
 * for each price source (USD per unit log-return): collateral counts at its haircut / threshold-weighted value, a perp
 * at its signed notional minus k times its maintenance requirement, a debt at minus k times its value.
 *
 * @param healthWad the health now, wad
 * @param denominatorUsdWad the health's denominator (maintenance requirement, or debt), USD wad
 * @param deltasUsdWad dS / d(ln p) by price feed (an {@code AggregatorV3Interface}), USD wad, signed
 */
public record Exposure(BigInteger healthWad, BigInteger denominatorUsdWad, Map<Address, BigInteger> deltasUsdWad) {
  public Exposure {
    deltasUsdWad = Map.copyOf(deltasUsdWad);
  }
}
