package io.collateralkeeper.execution;

import io.collateralkeeper.chain.RpcException;
import java.math.BigInteger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bid of one opportunity at one head: {@link BidPolicy} with the market floor (the larger of the static minimum
 * tip and the {@link FeeHistoryFloor}, read at most once per head) and the absolute {@code maxFeePerGas} cap. A
 * capped {@code maxFeePerGas} only lowers the worst case, so the policy's bound (worst-case gas cost at most profit x
 * (1 - margin)) still holds.
 */
public final class Bidder {
  private static final Logger LOG = LoggerFactory.getLogger(Bidder.class);

  private final BidPolicy policy;
  private final Optional<FeeHistoryFloor> history;
  private final BigInteger minTip;
  private final BigInteger maxFeeCap;
  private long floorHead = -1;
  private BigInteger floor = BigInteger.ZERO;

  /**
   * @param policy the bid policy
   * @param history the fee-history floor, or empty to use only {@code minTip}
   * @param minTip static floor of the tip, wei per gas
   * @param maxFeeCap cap on maxFeePerGas, wei per gas
   */
  public Bidder(BidPolicy policy, Optional<FeeHistoryFloor> history, BigInteger minTip, BigInteger maxFeeCap) {
    this.policy = policy;
    this.history = history;
    this.minTip = minTip;
    this.maxFeeCap = maxFeeCap;
  }

  /**
   * Decides the fees.
   *
   * @param profitWei expected profit before gas, native wei
   * @param gasLimit the transaction's gas limit
   * @param baseFee the head's base fee, wei per gas
   * @param head the head block (the fee-history floor is read once per head)
   * @return a bid whose maxFeePerGas is at most the cap, or why none
   */
  public BidDecision bid(BigInteger profitWei, BigInteger gasLimit, BigInteger baseFee, long head) {
    BidDecision d = policy.decide(profitWei, gasLimit, baseFee, floor(head));
    if (!(d instanceof Bid b)) return d;
    if (b.maxFeePerGas().compareTo(maxFeeCap) <= 0) return b;
    // The cap binds: keep maxFeePerGas at the cap and the tip within what the cap leaves above the base fee.
    BigInteger tip = b.maxPriorityFeePerGas().min(maxFeeCap.subtract(baseFee));
    if (tip.signum() < 0 || tip.compareTo(floor(head).min(b.maxPriorityFeePerGas())) < 0) {
      return new NoBid("base fee " + baseFee + " wei leaves no room for the tip floor under the max fee cap "
          + maxFeeCap + " wei");
    }
    return new Bid(maxFeeCap, tip, b.gas(), b.baseFee(), b.gas().multiply(maxFeeCap),
        b.gas().multiply(baseFee.add(tip)), b.budget());
  }

  /**
   * The market floor of the tip at {@code head}: the larger of the static minimum and the fee-history floor (read
   * once per head), wei per gas.
   */
  public BigInteger floor(long head) {
    if (head != floorHead) {
      floorHead = head;
      floor = minTip;
      if (history.isPresent()) {
        try {
          floor = floor.max(history.get().floor());
        } catch (RpcException e) {
          LOG.debug("eth_feeHistory failed, floor = static minimum: {}", e.getMessage());
        }
      }
    }
    return floor;
  }
}
