package io.collateralkeeper.execution;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How the keeper bids for inclusion (see {@link BidPolicy}).
 *
 * @param shareBps share of the profit left after the base fee that may go to the tip, basis points (default 8000)
 * @param floorPercentile the {@code eth_feeHistory} reward percentile whose median over recent blocks is the tip
 *     floor, 0 to 100 (default 50)
 * @param floorBlocks how many recent blocks {@code eth_feeHistory} covers, 1 to 1024 (default 10)
 * @param capGwei absolute cap on the tip, gwei, at most 9 decimals (default 100)
 * @param minMarginBps share of the profit that gas may never take: the worst-case gas cost stays at or below
 *     {@code profit x (1 - minMarginBps / 10000)}, basis points, 0 to 9999 (default 1000)
 * @param blocksAhead how many blocks of base-fee growth (12.5% each) {@code maxFeePerGas} covers, 0 to 64 (default 3)
 */
public record BidSettings(
    int shareBps, double floorPercentile, int floorBlocks, BigDecimal capGwei, int minMarginBps, int blocksAhead) {
  private static final BigDecimal GWEI = BigDecimal.TEN.pow(9);

  /**
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public BidSettings {
    if (shareBps < 0 || shareBps > 10_000) throw new IllegalArgumentException("share-bps must be 0..10000");
    if (!(floorPercentile >= 0 && floorPercentile <= 100)) {
      throw new IllegalArgumentException("floor-percentile must be 0..100");
    }
    if (floorBlocks < 1 || floorBlocks > 1024) throw new IllegalArgumentException("floor-blocks must be 1..1024");
    if (capGwei == null || capGwei.signum() < 0) throw new IllegalArgumentException("cap-gwei must be >= 0");
    if (capGwei.stripTrailingZeros().scale() > 9) {
      throw new IllegalArgumentException("cap-gwei has more than 9 decimals (below 1 wei)");
    }
    if (minMarginBps < 0 || minMarginBps >= 10_000) throw new IllegalArgumentException("min-margin-bps must be 0..9999");
    if (blocksAhead < 0 || blocksAhead > 64) throw new IllegalArgumentException("blocks-ahead must be 0..64");
  }

  /** Share 80%, floor = median of the 50th percentile tip over 10 blocks, cap 100 gwei, margin 10%, 3 blocks ahead. */
  public static BidSettings defaults() {
    return new BidSettings(8000, 50.0, 10, BigDecimal.valueOf(100), 1000, 3);
  }

  /** The tip cap, wei (exact). */
  public BigInteger capWei() {
    return capGwei.multiply(GWEI).toBigIntegerExact();
  }
}
