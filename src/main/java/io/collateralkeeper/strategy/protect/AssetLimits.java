package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * What protect mode may spend of one token, in token units (the token's decimals).
 *
 * @param token the ERC-20
 * @param symbol its symbol, for messages
 * @param decimals its decimals
 * @param maxPerAction most one transaction may move; empty = no limit
 * @param maxPerDay most all transactions of one UTC day may move together; empty = no limit
 * @param minWalletBalance what always stays in the wallet
 */
public record AssetLimits(
    Address token, String symbol, int decimals, Optional<BigInteger> maxPerAction, Optional<BigInteger> maxPerDay,
    BigInteger minWalletBalance) {
  public AssetLimits {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(maxPerAction, "maxPerAction");
    Objects.requireNonNull(maxPerDay, "maxPerDay");
    Objects.requireNonNull(minWalletBalance, "minWalletBalance");
  }

  /** Token units as a decimal string, e.g. 1500000 with 6 decimals = "1.5". */
  public String format(BigInteger units) {
    return new java.math.BigDecimal(units, decimals).stripTrailingZeros().toPlainString();
  }
}
