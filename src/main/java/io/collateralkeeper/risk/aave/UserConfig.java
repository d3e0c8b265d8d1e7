package io.collateralkeeper.risk.aave;

import java.math.BigInteger;

/**
 * A user's {@code UserConfigurationMap} (aave-v3-core v3.0.2 {@code UserConfiguration.sol}): two bits per reserve id,
 * bit {@code 2 * id} = borrowing, bit {@code 2 * id + 1} = using as collateral.
 *
 * @param data the raw bitmap
 */
public record UserConfig(BigInteger data) {
  /** Reserves a pool can list ({@code ReserveConfiguration.MAX_RESERVES_COUNT}). */
  public static final int MAX_RESERVES = 128;

  /** The empty configuration (no supply, no borrow). */
  public static final UserConfig EMPTY = new UserConfig(BigInteger.ZERO);

  public UserConfig {
    Uint256.requireUint(data, "user configuration");
  }

  /** True when the reserve with this id is enabled as the user's collateral. */
  public boolean isUsingAsCollateral(int reserveId) {
    return data.testBit(2 * checkId(reserveId) + 1);
  }

  /** True when the user borrows the reserve with this id. */
  public boolean isBorrowing(int reserveId) {
    return data.testBit(2 * checkId(reserveId));
  }

  /** True when the reserve is either collateral or borrowed ({@code isUsingAsCollateralOrBorrowing}). */
  public boolean isUsingAsCollateralOrBorrowing(int reserveId) {
    return isUsingAsCollateral(reserveId) || isBorrowing(reserveId);
  }

  /** True when no bit is set ({@code isEmpty}). */
  public boolean isEmpty() {
    return data.signum() == 0;
  }

  /** One past the highest reserve id with a bit set (0 when empty): the ids worth reading. */
  public int reserveIdBound() {
    return (data.bitLength() + 1) / 2;
  }

  /** A copy with the borrowing bit of a reserve set or cleared ({@code setBorrowing}). */
  public UserConfig withBorrowing(int reserveId, boolean borrowing) {
    int bit = 2 * checkId(reserveId);
    return new UserConfig(borrowing ? data.setBit(bit) : data.clearBit(bit));
  }

  /** A copy with the collateral bit of a reserve set or cleared ({@code setUsingAsCollateral}). */
  public UserConfig withCollateral(int reserveId, boolean collateral) {
    int bit = 2 * checkId(reserveId) + 1;
    return new UserConfig(collateral ? data.setBit(bit) : data.clearBit(bit));
  }

  private static int checkId(int reserveId) {
    if (reserveId < 0 || reserveId >= MAX_RESERVES) {
      throw new IllegalArgumentException("invalid reserve index " + reserveId);
    }
    return reserveId;
  }
}
