package io.collateralkeeper.bench;

import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady-state blocks: each changes {@code changed} healthy accounts (a {@code Deposited} event each, $1 of USDC, as a
 * deposit would) in one mined block, then the keeper processes that head. Successive blocks change successive
 * accounts of the book, wrapping around.
 */
final class SteadyPhase {
  /** USDC (6 decimals) added to each changed account: $1. */
  private static final BigInteger BUMP = BigInteger.valueOf(1_000_000);

  private final BenchContext ctx;
  private final int changed;
  private final List<Address> healthy;
  private long blocksMined;

  SteadyPhase(BenchContext ctx, int changed) {
    this.ctx = ctx;
    this.changed = changed;
    this.healthy = ctx.addresses().stream().filter(a -> !ctx.victims().contains(a)).toList();
  }

  /**
   * Mines {@code blocks} blocks with changes and has the keeper process each.
   *
   * @throws IllegalStateException when an account turns liquidatable (the book is wrong)
   */
  List<BenchStats.Head> run(BenchKeeper keeper, int blocks) {
    List<BenchStats.Head> heads = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      List<Address> accounts = next();
      if (accounts.isEmpty()) ctx.devnet().mine();
      else ctx.seeder().bump(accounts, VaultDeployment.USDC, BUMP);
      BenchKeeper.HeadRun run = keeper.process(ctx.chain().blockNumber(), ctx.counter());
      if (!run.report().liquidatable().isEmpty()) {
        throw new IllegalStateException("an account turned liquidatable in a steady-state block: the book is wrong");
      }
      heads.add(BenchStats.Head.of(run));
    }
    return heads;
  }

  /** The next block's accounts to change. */
  private List<Address> next() {
    List<Address> out = new ArrayList<>(changed);
    for (int i = 0; i < changed && !healthy.isEmpty(); i++) {
      out.add(healthy.get((int) ((blocksMined * changed + i) % healthy.size())));
    }
    blocksMined++;
    return out;
  }
}
