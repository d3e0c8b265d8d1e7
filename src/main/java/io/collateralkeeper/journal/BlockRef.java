package io.collateralkeeper.journal;

/**
 * A block by number and hash, as the account index saw it.
 *
 * @param block block number
 * @param hash its hash, 0x-hex (32 bytes)
 */
public record BlockRef(long block, String hash) {}
