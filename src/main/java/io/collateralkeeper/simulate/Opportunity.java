package io.collateralkeeper.simulate;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Optional;

/**
 * One opportunity of a dry run: a liquidation the keeper sent (and what came of it on the fork), or an account it
 * found liquidatable and left alone, with the reason.
 *
 * @param account the liquidatable account
 * @param action what the keeper did: {@code liquidate}, or {@code none} when it skipped the account
 * @param status the outcome
 * @param block the block the transaction was sent at, or the last block the account was skipped at
 * @param tx the included (or last sent) transaction
 * @param expectedProfitUsdWad expected revenue minus expected gas cost when sent, USD wad (0 when skipped)
 * @param expectedGasUsdWad expected gas cost when sent, USD wad
 * @param revenueUsdWad revenue the receipt's events show, USD wad
 * @param realizedProfitUsdWad revenue minus the gas paid, USD wad (negative for a revert)
 * @param gasUsed gas used by the included transaction (0 when not included)
 * @param gasCostWei gas used x effective gas price, wei
 * @param reason why it was skipped or why it failed; empty otherwise
 */
public record Opportunity(
    Address account,
    String action,
    Status status,
    long block,
    Optional<String> tx,
    BigInteger expectedProfitUsdWad,
    BigInteger expectedGasUsdWad,
    BigInteger revenueUsdWad,
    BigInteger realizedProfitUsdWad,
    BigInteger gasUsed,
    BigInteger gasCostWei,
    String reason) {

  /** What became of an opportunity. */
  public enum Status {
    /** Included and succeeded. */
    WON,
    /** Included with a failed status: the gas is lost. */
    REVERTED,
    /** Sent but not included by the end of the run. */
    PENDING,
    /** Replaced at its nonce by the keeper's cancellation once the account was no longer liquidatable. */
    CANCELLED,
    /** Liquidatable, not acted on (see the reason). */
    SKIPPED
  }

  /** An account the keeper left alone at {@code block}. */
  static Opportunity skipped(Address account, long block, String reason) {
    return new Opportunity(account, "none", Status.SKIPPED, block, Optional.empty(), BigInteger.ZERO, BigInteger.ZERO,
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, reason);
  }

  /**
   * True when the realized profit is within the expected gas cost of the expected profit: the gas estimate bounds how
   * far the two may drift (gas used and price paid differ from the estimate; revenue should not). Only for won ones.
   */
  public boolean withinGasEstimate() {
    return status == Status.WON
        && realizedProfitUsdWad.subtract(expectedProfitUsdWad).abs().compareTo(expectedGasUsdWad) <= 0;
  }
}
