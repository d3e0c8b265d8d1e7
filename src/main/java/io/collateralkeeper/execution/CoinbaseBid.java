package io.collateralkeeper.execution;

import java.math.BigInteger;

/**
 * A bid paid to the block builder as a transfer to {@code block.coinbase} from our executor contract (after its
 * profit check) instead of as priority fee: the tip drops to the market floor and what the bid's tip would have paid
 * above the floor for the simulated gas goes to the coinbase. Nothing is paid when the transaction does not profit
 * (it reverts), and the worst case never exceeds the {@link Bid}'s: {@code gasLimit x (maxFee - tip + floor) +
 * coinbaseWei <= gasLimit x maxFee} since the simulated gas is at most the gas limit.
 *
 * @param fee the transaction's fee fields: tip = the floor, maxFeePerGas lowered by the same amount
 * @param coinbaseWei the transfer to {@code block.coinbase}, wei
 */
public record CoinbaseBid(FeeQuote fee, BigInteger coinbaseWei) {
  /**
   * @param bid the bid as priority fee
   * @param floorTip the market floor of the tip, wei per gas (kept as tip so the transaction stays valid)
   * @param simulatedGas gas the simulation used (at most {@code bid.gas()})
   * @throws IllegalArgumentException when the simulated gas exceeds the bid's gas limit or a value is negative
   */
  public static CoinbaseBid of(Bid bid, BigInteger floorTip, BigInteger simulatedGas) {
    if (simulatedGas.compareTo(bid.gas()) > 0) throw new IllegalArgumentException("simulated gas above the gas limit");
    if (floorTip.signum() < 0 || simulatedGas.signum() < 0) throw new IllegalArgumentException("negative value");
    BigInteger tip = bid.maxPriorityFeePerGas().min(floorTip);
    BigInteger moved = bid.maxPriorityFeePerGas().subtract(tip);
    FeeQuote fee = new FeeQuote(bid.maxFeePerGas().subtract(moved), tip, bid.baseFee());
    return new CoinbaseBid(fee, moved.multiply(simulatedGas));
  }
}
