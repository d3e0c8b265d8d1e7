package io.collateralkeeper.daemon;

import io.collateralkeeper.domain.Address;
import java.util.List;
import java.util.Set;

/**
 * What the daemon did at one head.
 *
 * @param block the head block processed
 * @param tracked accounts tracked
 * @param liquidatable accounts with health below 1 at this block
 * @param sent attempts sent at this block
 * @param settled attempts whose receipts arrived at this block
 * @param skipped one line per liquidatable account not acted on, with the reason
 */
public record BlockReport(
    long block, int tracked, Set<Address> liquidatable, List<Attempt> sent, List<Attempt> settled, List<String> skipped) {}
