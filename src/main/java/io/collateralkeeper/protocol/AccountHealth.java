package io.collateralkeeper.protocol;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/**
 * An account's health factor as the protocol computes it.
 *
 * @param account the account
 * @param healthFactor health factor, wad (1e18 = 1.0; uint256 max without debt)
 */
public record AccountHealth(Address account, BigInteger healthFactor) {
  /** Below 1.0: open to liquidation. */
  public boolean liquidatable() {
    return healthFactor.compareTo(Units.WAD) < 0;
  }
}
