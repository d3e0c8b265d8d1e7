package io.collateralkeeper.devnet;

import java.math.BigDecimal;

/**
 * The outcome of {@code keeper demo}. USD figures are decimal dollars (computed from exact wad integers, rounded to
 * cents for display); gas is also given in ETH.
 *
 * @param accounts accounts opened
 * @param priceSteps price points replayed (one per block)
 * @param blocks blocks mined during the replay
 * @param liquidatableEver accounts whose health fell below 1 at some block
 * @param liquidated accounts liquidated at least once by the keeper
 * @param liquidations liquidation transactions included
 * @param stillLiquidatable accounts with health below 1 on chain at the end
 * @param latencyMedianBlocks median blocks from becoming liquidatable to being liquidated
 * @param latencyMaxBlocks maximum of the same
 * @param revenueUsd liquidation fees received, USD at oracle prices
 * @param gasUsd gas spent, USD
 * @param gasEth gas spent, ETH
 * @param profitUsd revenue minus gas, USD
 * @param reverted reverted keeper transactions
 * @param ethLowUsd lowest ETH price replayed, USD
 * @param seconds wall-clock duration of the demo
 * @param route how the keeper sent its transactions
 */
public record DemoSummary(
    int accounts,
    int priceSteps,
    long blocks,
    int liquidatableEver,
    int liquidated,
    int liquidations,
    int stillLiquidatable,
    long latencyMedianBlocks,
    long latencyMaxBlocks,
    BigDecimal revenueUsd,
    BigDecimal gasUsd,
    BigDecimal gasEth,
    BigDecimal profitUsd,
    int reverted,
    BigDecimal ethLowUsd,
    long seconds,
    String route) {

  /** True when the demo met its goal: nothing left liquidatable. */
  public boolean success() {
    return stillLiquidatable == 0;
  }

  /** The summary as aligned text lines. */
  public String toText() {
    return String.join(
        "\n",
        "Collateral Keeper demo: ETH/BTC crash of 2024-08-05 replayed on a local chain",
        row("accounts", accounts),
        row("route", route),
        row("price steps (blocks)", priceSteps + " (" + blocks + " blocks mined)"),
        row("ETH low", "$" + ethLowUsd.toPlainString()),
        row("liquidatable ever", liquidatableEver),
        row("liquidated", liquidated + " accounts, " + liquidations + " transactions"),
        row("still liquidatable", stillLiquidatable),
        row("blocks to liquidation", "median " + latencyMedianBlocks + ", max " + latencyMaxBlocks),
        row("keeper revenue", "$" + revenueUsd.toPlainString()),
        row("gas spent", "$" + gasUsd.toPlainString() + " (" + gasEth.toPlainString() + " ETH)"),
        row("keeper profit", "$" + profitUsd.toPlainString()),
        row("reverted transactions", reverted),
        row("duration", seconds + " s"),
        success() ? "result: every liquidatable account was liquidated" : "result: FAILED, accounts left liquidatable");
  }

  private static String row(String label, Object value) {
    return String.format("  %-24s %s", label, value);
  }
}
