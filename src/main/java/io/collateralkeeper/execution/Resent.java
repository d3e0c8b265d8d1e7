package io.collateralkeeper.execution;

import java.util.Optional;

/**
 * A transaction the pipeline signed at an existing nonce: a replacement, a cancellation or a gap filler.
 *
 * @param nonce the nonce
 * @param supersedes the hash of the transaction it replaces; empty for a gap filler
 * @param hash its hash
 * @param fee its fees
 */
public record Resent(long nonce, Optional<String> supersedes, String hash, FeeQuote fee) {}
