package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

/**
 * The market tip floor: the median, over recent non-empty blocks, of the tip paid at a reward percentile of each
 * block ({@code eth_feeHistory}). The RPC call ({@link #floor()}) is separate from the aggregation
 * ({@link #aggregate}), which is pure.
 */
public final class FeeHistoryFloor {
  private final ChainClient chain;
  private final int blocks;
  private final double percentile;

  /**
   * @param chain the endpoint
   * @param blocks how many recent blocks to look at (1 to 1024)
   * @param percentile the reward percentile, 0 to 100
   */
  public FeeHistoryFloor(ChainClient chain, int blocks, double percentile) {
    this.chain = chain;
    this.blocks = blocks;
    this.percentile = percentile;
  }

  /** A floor for the given settings' percentile and block count. */
  public static FeeHistoryFloor of(ChainClient chain, BidSettings settings) {
    return new FeeHistoryFloor(chain, settings.floorBlocks(), settings.floorPercentile());
  }

  /**
   * Reads {@code eth_feeHistory(blocks, "latest", [percentile])} and aggregates it.
   *
   * @return the floor tip, wei per gas (0 when the recent blocks were empty)
   * @throws io.collateralkeeper.chain.RpcException when the call fails
   */
  public BigInteger floor() {
    EthFeeHistory.FeeHistory h =
        chain
            .send(
                "eth_feeHistory",
                chain.web3j().ethFeeHistory(blocks, DefaultBlockParameterName.LATEST, List.of(percentile)))
            .getFeeHistory();
    List<BigInteger> rewards = new ArrayList<>();
    if (h.getReward() != null) for (List<BigInteger> r : h.getReward()) rewards.add(r.isEmpty() ? null : r.get(0));
    return aggregate(rewards, h.getGasUsedRatio());
  }

  /**
   * The lower median of the per-block rewards of the blocks that used gas (an empty block reports a reward of 0 that
   * says nothing about the market).
   *
   * @param rewards per block, oldest first: the tip at the requested percentile, wei per gas (null when missing)
   * @param gasUsedRatios per block, the same order: gas used / gas limit (0 for an empty block)
   * @return the floor, wei per gas; 0 when no block used gas
   * @throws IllegalArgumentException when the lists differ in length
   */
  public static BigInteger aggregate(List<BigInteger> rewards, List<Double> gasUsedRatios) {
    if (rewards.size() != gasUsedRatios.size()) {
      throw new IllegalArgumentException("fee history: " + rewards.size() + " rewards for " + gasUsedRatios.size() + " blocks");
    }
    List<BigInteger> used = new ArrayList<>();
    for (int i = 0; i < rewards.size(); i++) {
      Double ratio = gasUsedRatios.get(i);
      if (rewards.get(i) != null && ratio != null && ratio > 0) used.add(rewards.get(i));
    }
    if (used.isEmpty()) return BigInteger.ZERO;
    used.sort(null);
    return used.get((used.size() - 1) / 2);
  }
}
