package io.collateralkeeper.simulate;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.List;

/**
 * What {@code keeper simulate} found.
 *
 * @param forkUrl the upstream (credentials removed)
 * @param chainId the chain id of upstream and fork
 * @param forkBlock the block the fork started from
 * @param lastBlock the fork's head at the end
 * @param blocks blocks the keeper ran for
 * @param keeper the impersonated keeper address
 * @param shocks the price shocks installed
 * @param opportunities every liquidation sent and every liquidatable account skipped
 * @param balances the balance check
 */
public record SimulationReport(
    String forkUrl,
    long chainId,
    long forkBlock,
    long lastBlock,
    int blocks,
    Address keeper,
    List<AppliedShock> shocks,
    List<Opportunity> opportunities,
    BalanceCheck balances) {

  /** Realized profit (revenue minus gas) of the won liquidations, USD wad. */
  public BigInteger earnedUsdWad() {
    return sum(Opportunity.Status.WON, Opportunity::realizedProfitUsdWad);
  }

  /** Gas burnt by reverted liquidations, USD wad (positive). */
  public BigInteger lostToRevertsUsdWad() {
    return sum(Opportunity.Status.REVERTED, Opportunity::realizedProfitUsdWad).negate();
  }

  /** Gas burnt by cancellations of liquidations whose account recovered, USD wad (positive). */
  public BigInteger lostToCancellationsUsdWad() {
    return sum(Opportunity.Status.CANCELLED, Opportunity::realizedProfitUsdWad).negate();
  }

  /** Opportunities with this status. */
  public long count(Opportunity.Status status) {
    return opportunities.stream().filter(o -> o.status() == status).count();
  }

  /** The one-line verdict, e.g. {@code would have earned $1234.56, lost $0.00 to reverts (3 won, 0 reverted, ...)}. */
  public String verdict() {
    return "would have earned $%s, lost $%s to reverts (%d won, %d reverted, %d cancelled, %d pending, %d skipped in %d blocks)"
        .formatted(
            Units.formatWad(earnedUsdWad(), 2),
            Units.formatWad(lostToRevertsUsdWad(), 2),
            count(Opportunity.Status.WON),
            count(Opportunity.Status.REVERTED),
            count(Opportunity.Status.CANCELLED),
            count(Opportunity.Status.PENDING),
            count(Opportunity.Status.SKIPPED),
            blocks);
  }

  private BigInteger sum(Opportunity.Status status, java.util.function.Function<Opportunity, BigInteger> f) {
    return opportunities.stream().filter(o -> o.status() == status).map(f).reduce(BigInteger.ZERO, BigInteger::add);
  }
}
