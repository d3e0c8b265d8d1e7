package io.collateralkeeper.devnet.relay;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one block build of the devnet relay did.
 *
 * @param block the block mined, empty when none was (a bundle arriving on its own that could not be included)
 * @param included hashes of the bundles included in it, in order
 * @param rejected hashes of the bundles left out, each with the reason (e.g. "tx 0x.. reverted")
 */
public record BlockBuildReport(OptionalLong block, List<String> included, Map<String, String> rejected) {}
