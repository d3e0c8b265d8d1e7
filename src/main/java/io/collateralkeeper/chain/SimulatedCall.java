package io.collateralkeeper.chain;

import java.math.BigInteger;

/**
 * One call's outcome in an {@code eth_simulateV1} block.
 *
 * @param success the call ran to its end without reverting ({@code status} 0x1)
 * @param gasUsed gas the call used, as a receipt would report it (after refunds), gas units
 * @param error the node's one-line reason when it failed (a revert message, "out of gas"...); null on success
 */
public record SimulatedCall(boolean success, BigInteger gasUsed, String error) {}
