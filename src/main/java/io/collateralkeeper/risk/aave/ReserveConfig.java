package io.collateralkeeper.risk.aave;

import java.math.BigInteger;

/**
 * A reserve's configuration, decoded from the 256-bit {@code ReserveConfigurationMap} bitmap exactly as
 * {@code ReserveConfiguration.sol} (aave-v3-core v3.0.2) reads it. Layout, least significant bit first: ltv 0-15,
 * liquidation threshold 16-31, liquidation bonus 32-47, decimals 48-55, active 56, frozen 57, borrowing 58, stable
 * borrowing 59, paused 60, borrowable in isolation 61, siloed 62, flash-loanable 63, reserve factor 64-79, borrow
 * cap 80-115, supply cap 116-151, liquidation protocol fee 152-167, e-mode category 168-175, unbacked mint cap
 * 176-211, debt ceiling 212-251.
 *
 * @param data the raw bitmap
 * @param ltv loan to value, bps
 * @param liquidationThreshold bps; 0 means the asset cannot be collateral
 * @param liquidationBonus bps above 100% (10500 = 5% bonus)
 * @param decimals the underlying token's decimals
 * @param active reserve is active
 * @param frozen reserve is frozen
 * @param borrowingEnabled variable borrowing is enabled
 * @param stableBorrowingEnabled stable borrowing is enabled
 * @param paused reserve is paused
 * @param borrowableInIsolation may be borrowed by users in isolation mode
 * @param siloedBorrowing siloed borrowing
 * @param flashLoanEnabled flash loans are enabled
 * @param reserveFactor bps of interest kept by the treasury
 * @param borrowCap whole tokens; 0 = no cap
 * @param supplyCap whole tokens; 0 = no cap
 * @param liquidationProtocolFee bps of the liquidation bonus paid to the treasury
 * @param eModeCategory e-mode category id; 0 = none
 * @param unbackedMintCap whole tokens
 * @param debtCeiling isolation-mode debt ceiling in USD with 2 decimals; 0 = not an isolated asset
 */
public record ReserveConfig(
    BigInteger data,
    int ltv,
    int liquidationThreshold,
    int liquidationBonus,
    int decimals,
    boolean active,
    boolean frozen,
    boolean borrowingEnabled,
    boolean stableBorrowingEnabled,
    boolean paused,
    boolean borrowableInIsolation,
    boolean siloedBorrowing,
    boolean flashLoanEnabled,
    int reserveFactor,
    long borrowCap,
    long supplyCap,
    int liquidationProtocolFee,
    int eModeCategory,
    long unbackedMintCap,
    long debtCeiling) {

  /**
   * Decodes a configuration bitmap.
   *
   * @throws IllegalArgumentException when {@code data} is not a uint256
   */
  public static ReserveConfig decode(BigInteger data) {
    Uint256.requireUint(data, "reserve configuration");
    return new ReserveConfig(
        data,
        (int) bits(data, 0, 16),
        (int) bits(data, 16, 16),
        (int) bits(data, 32, 16),
        (int) bits(data, 48, 8),
        data.testBit(56),
        data.testBit(57),
        data.testBit(58),
        data.testBit(59),
        data.testBit(60),
        data.testBit(61),
        data.testBit(62),
        data.testBit(63),
        (int) bits(data, 64, 16),
        bits(data, 80, 36),
        bits(data, 116, 36),
        (int) bits(data, 152, 16),
        (int) bits(data, 168, 8),
        bits(data, 176, 36),
        bits(data, 212, 40));
  }

  /** True when the asset is an isolated collateral (a non-zero debt ceiling). */
  public boolean isolated() {
    return debtCeiling != 0;
  }

  /** {@code 10^decimals}: the raw amount of one whole token. */
  public BigInteger unit() {
    return BigInteger.TEN.pow(decimals);
  }

  private static long bits(BigInteger data, int start, int length) {
    return data.shiftRight(start).and(BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE)).longValueExact();
  }
}
