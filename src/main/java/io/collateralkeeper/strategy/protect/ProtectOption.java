package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One sized action on one account, as a protocol adapter computed it with the protocol's own math.
 *
 * @param kind what is done
 * @param slot the protocol's index of what is acted on: vault collateral id (top-up, withdraw) or market id (reduce);
 *     Aave reserve id
 * @param token the ERC-20 moved between wallet and account (top-up, repay, withdraw); empty for a reduction
 * @param label short human name, e.g. "USDC" or "market 0"
 * @param amount token units (the token's decimals) to move, or the size to close (base-asset wad) for a reduction;
 *     0 when nothing can be done within the limits
 * @param needed the amount that would reach the target with no limit, if any amount would
 * @param spend token units leaving the wallet (top-up, repay); 0 otherwise
 * @param healthBefore health now, wad
 * @param healthAfter health after the action at the prices of the sizing, wad (exact: the protocol's math)
 * @param reachesTarget true when {@code healthAfter} is at least the target asked for
 */
public record ProtectOption(
    ActionKind kind,
    int slot,
    Optional<Address> token,
    String label,
    BigInteger amount,
    Optional<BigInteger> needed,
    BigInteger spend,
    BigInteger healthBefore,
    BigInteger healthAfter,
    boolean reachesTarget) {
  public ProtectOption {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(needed, "needed");
    Objects.requireNonNull(spend, "spend");
    if (amount.signum() < 0 || spend.signum() < 0) throw new IllegalArgumentException("negative amount");
  }

  /** True when the option does something (a positive amount). */
  public boolean acts() {
    return amount.signum() > 0;
  }

  /** True when the option improves health (for a partial action short of the target). */
  public boolean improves() {
    return acts() && healthAfter.compareTo(healthBefore) > 0;
  }
}
