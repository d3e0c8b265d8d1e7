/**
 * {@code keeper bench}: a devnet with a very large vault book, seeded in bulk, and the measurements of a real keeper
 * against it (cold start, memory, JSON-RPC requests per block, new block to transaction latency).
 */
package io.collateralkeeper.bench;
