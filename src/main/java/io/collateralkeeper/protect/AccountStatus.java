package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.strategy.protect.Band;
import io.collateralkeeper.strategy.protect.ProtectDecision;
import io.collateralkeeper.strategy.protect.SpendAllowance;
import io.collateralkeeper.strategy.protect.TargetReport;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One protected account at one block: its health, the band in force, how an automatic target came about, and what
 * protect mode decided.
 *
 * @param account the configured account
 * @param health health now, wad (empty when it could not be read)
 * @param band the band in force (empty when no health)
 * @param auto the volatility-aware target's figures, for {@code target: auto}
 * @param allowances what each token may spend now
 * @param decision what to do
 * @param notes extra lines (stale prices, no history, limits)
 */
public record AccountStatus(
    ProtectedAccount account,
    Optional<BigInteger> health,
    Optional<Band> band,
    Optional<TargetReport> auto,
    Map<Address, SpendAllowance> allowances,
    ProtectDecision decision,
    List<String> notes) {
  public AccountStatus {
    allowances = Map.copyOf(allowances);
    notes = List.copyOf(notes);
  }

  /** The account's address. */
  public Address address() {
    return account.address();
  }
}
