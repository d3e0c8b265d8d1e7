package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's health band, wad (1e18 = health 1.0): below {@code min} protect mode acts to bring health back to
 * {@code target}; above {@code max} (when set) it may withdraw surplus collateral down to {@code target}.
 *
 * @param min the trigger, at least 1.0
 * @param target the health an action restores, at least min
 * @param max surplus trigger, above target; empty = never withdraw
 */
public record Band(BigInteger min, BigInteger target, Optional<BigInteger> max) {
  public Band {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(max, "max");
    if (min.compareTo(Units.WAD) < 0) throw new IllegalArgumentException("band min below 1.0");
    if (target.compareTo(min) < 0) throw new IllegalArgumentException("band target below min");
    if (max.isPresent() && max.get().compareTo(target) <= 0) throw new IllegalArgumentException("band max not above target");
  }

  /** min/target/max as text, e.g. "1.2000 / 1.5000 / -". */
  public String describe() {
    return Units.formatHealth(min) + " / " + Units.formatHealth(target) + " / " + max.map(Units::formatHealth).orElse("-");
  }
}
