package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A protected account and its configured band, wad.
 *
 * @param address the account
 * @param min the trigger
 * @param target the fixed target, or empty for {@code target: auto}
 * @param max the surplus trigger, if any
 */
public record ProtectedAccount(Address address, BigInteger min, Optional<BigInteger> target, Optional<BigInteger> max) {
  public ProtectedAccount {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(max, "max");
  }

  /** True when the target is derived from market data. */
  public boolean autoTarget() {
    return target.isEmpty();
  }
}
