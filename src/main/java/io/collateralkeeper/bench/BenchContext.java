package io.collateralkeeper.bench;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.Signer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the bench phases share once the devnet is built: the chain, the seeded vault, the keeper's strategy and key,
 * the counting observer and a work directory for journals.
 *
 * @param owner the vault's owner (seeds, mints, sets the feeds)
 * @param addresses every account of the book, in book order
 * @param victims those that turn liquidatable at the price move
 * @param seeder writes account changes under the code swap
 */
record BenchContext(
    ChainClient chain,
    DevnetControl devnet,
    VaultDeployment deployment,
    Address owner,
    List<Address> addresses,
    Set<Address> victims,
    BenchSeeder seeder,
    StrategyConfig strategy,
    Signer keeper,
    RpcCounter counter,
    Path work) {

  /** A keeper on a new journal file in the work directory, a copy of {@code template} when not null. */
  BenchKeeper keeper(StrategyConfig config, String name, Path template) {
    Path file = work.resolve(name + ".db");
    if (template != null) {
      try {
        Files.copy(template, file); // a closed journal: its WAL was checkpointed on close
      } catch (IOException e) {
        throw new KeeperException("cannot copy the bench journal: " + e.getMessage(), e);
      }
    }
    return BenchKeeper.open(chain, config, keeper, file);
  }

  /** The strategy with {@code liquidation.full-refresh-blocks} set: 1 re-reads every account at every head. */
  StrategyConfig withFullRefresh(long blocks) {
    StrategyConfig s = strategy;
    StrategyConfig.Liquidation l = s.liquidation();
    return new StrategyConfig(
        s.chain(), s.protocol(), s.wallet(), new StrategyConfig.Liquidation(l.minProfitUsd(), l.targetHealth(), blocks),
        s.gas(), s.route(), s.journal(), s.ops(), s.oracle(), s.protect());
  }
}
