package io.collateralkeeper.ops;

/**
 * One alert.
 *
 * @param kind what it is about (the rate-limiting key)
 * @param message one line for a human, secrets already removed
 */
public record Alert(AlertKind kind, String message) {}
