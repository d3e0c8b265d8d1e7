package io.collateralkeeper.simulate;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

/**
 * What a dry run does.
 *
 * @param strategy the strategy (its chain id must be the upstream's; its RPC URLs and route are not used)
 * @param forkUrl the upstream JSON-RPC URL: only read, through Anvil's fork
 * @param forkBlock the upstream block to fork at, or null for its head
 * @param blocks blocks to run the keeper for (1..10000)
 * @param shocks price shocks installed before the keeper starts
 * @param keeper the address the keeper acts as (impersonated on the fork)
 * @param fundWei the keeper's ether balance on the fork is raised to at least this, wei
 * @param blockTimeSeconds seconds between the fork's blocks (12 on Ethereum)
 * @param journal a journal file to keep, or null for a temporary one deleted at the end
 */
public record SimulationOptions(
    StrategyConfig strategy,
    String forkUrl,
    Long forkBlock,
    int blocks,
    List<Shock> shocks,
    Address keeper,
    BigInteger fundWei,
    long blockTimeSeconds,
    Path journal) {
  public SimulationOptions {
    if (forkUrl == null || forkUrl.isBlank()) throw new KeeperException("--fork-url is required");
    if (blocks < 1 || blocks > 10_000) throw new KeeperException("--blocks must be between 1 and 10000");
    if (forkBlock != null && forkBlock < 0) throw new KeeperException("--fork-block must not be negative");
    if (blockTimeSeconds < 1 || blockTimeSeconds > 3600) throw new KeeperException("--block-time must be between 1 and 3600 s");
    if (fundWei.signum() < 0) throw new KeeperException("--fund-eth must not be negative");
    shocks = List.copyOf(shocks);
  }
}
