package io.collateralkeeper.risk;

import java.math.BigInteger;
import java.util.List;

/**
 * Oracle prices as the vault reads them: each feed's {@code latestRoundData().answer}, USD with 8 decimals.
 *
 * @param collateral price of each collateral, by collateral id
 * @param market mark (index) price of each market, by market id
 */
public record VaultPrices(List<BigInteger> collateral, List<BigInteger> market) {
  public VaultPrices {
    collateral = List.copyOf(collateral);
    market = List.copyOf(market);
  }
}
