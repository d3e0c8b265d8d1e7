package io.collateralkeeper.simulate;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * A token the keeper's liquidations move, with the price the protocol values it at.
 *
 * @param token the ERC-20
 * @param symbol its symbol, for the report
 * @param decimals its decimals
 * @param priceUsd8 the protocol's price of one whole token, USD with 8 decimals (vault feed answer, AaveOracle price)
 */
public record PricedToken(Address token, String symbol, int decimals, BigInteger priceUsd8) {
  /**
   * The USD value of {@code amount} raw units: {@code amount x price x 1e10 / 10^decimals}, rounded toward zero, as
   * the vault's {@code _seize} and the Aave adapter value them.
   *
   * @return USD wad
   */
  public BigInteger usdWad(BigInteger amount) {
    return amount.multiply(priceUsd8).multiply(BigInteger.TEN.pow(10)).divide(Units.unit(decimals));
  }
}
