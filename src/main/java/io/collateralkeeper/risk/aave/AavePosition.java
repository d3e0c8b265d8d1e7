package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;
import java.util.Map;

/**
 * One user's Aave position: what {@code Pool.getUserAccountData} reads about them.
 *
 * @param user the account
 * @param config {@code Pool.getUserConfiguration(user)}
 * @param eModeCategory {@code Pool.getUserEMode(user)}; 0 = none
 * @param reserves balances by reserve id, for (at least) every reserve the config marks; a missing id reads as
 *     {@link UserReserve#EMPTY}
 */
public record AavePosition(Address user, UserConfig config, int eModeCategory, Map<Integer, UserReserve> reserves) {
  public AavePosition {
    reserves = Map.copyOf(reserves);
  }

  /** The user's balances in a reserve ({@link UserReserve#EMPTY} when none were read). */
  public UserReserve reserve(int reserveId) {
    return reserves.getOrDefault(reserveId, UserReserve.EMPTY);
  }
}
