package io.collateralkeeper.execution.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The result of {@code eth_sendBundle}.
 *
 * @param bundleHash keccak256 of the concatenated transaction hashes, 0x-hex
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendBundleResult(String bundleHash) {}
