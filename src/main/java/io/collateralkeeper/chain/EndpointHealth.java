package io.collateralkeeper.chain;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A read-only snapshot of one RPC endpoint's health, for metrics and logs. Counters are cumulative since start.
 *
 * @param endpoint the endpoint's URL with any credentials removed
 * @param state its current state
 * @param head the last head block number it reported, if any
 * @param lagBlocks how many blocks its head is behind the best head seen (0 when it is the best or unknown)
 * @param requests HTTP requests sent to it (a JSON-RPC batch counts once)
 * @param failures requests that failed (transport, HTTP status, oversized or malformed response)
 * @param consecutiveFailures failures since its last success
 * @param totalLatencyMillis summed duration of all its requests, milliseconds
 * @param lastLatencyMillis duration of its last request, milliseconds
 * @param lastError the last failure, one line, if any
 */
public record EndpointHealth(
    String endpoint,
    EndpointState state,
    OptionalLong head,
    long lagBlocks,
    long requests,
    long failures,
    long consecutiveFailures,
    long totalLatencyMillis,
    long lastLatencyMillis,
    Optional<String> lastError) {}
