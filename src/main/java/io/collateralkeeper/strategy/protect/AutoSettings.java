package io.collateralkeeper.strategy.protect;

import java.math.BigInteger;

/**
 * How {@code target: auto} is computed.
 *
 * @param horizonSeconds horizon H, seconds
 * @param confidence q, in (0.5, 1)
 * @param floorWad the health to stay above under the adverse move, wad
 * @param rounds how many feed rounds to read back
 * @param lambda EWMA decay per interval, in (0, 1)
 * @param expectedShortfall true: cover the expected shortfall; false: the VaR
 */
public record AutoSettings(
    long horizonSeconds, double confidence, BigInteger floorWad, int rounds, double lambda, boolean expectedShortfall) {}
