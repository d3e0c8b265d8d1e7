package io.collateralkeeper.chain;

/**
 * The outcome of one call inside a multicall.
 *
 * @param success false when the call reverted
 * @param returnData returned bytes (or revert data), 0x-hex
 */
public record CallResult(boolean success, String returnData) {}
