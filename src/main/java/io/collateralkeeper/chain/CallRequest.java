package io.collateralkeeper.chain;

import io.collateralkeeper.domain.Address;

/**
 * A read-only contract call.
 *
 * @param to the contract
 * @param data ABI-encoded calldata, 0x-hex
 */
public record CallRequest(Address to, String data) {}
