package io.collateralkeeper.journal;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What an included transaction did (a row of {@code outcomes}).
 *
 * @param hash the included transaction's hash
 * @param block block number it was included in
 * @param success receipt status (true = 1)
 * @param gasUsed gas used, gas units
 * @param effectiveGasPriceWei price paid per gas, wei
 * @param realizedRevenueUsdWad revenue read from the receipt's events, USD wad (0 when reverted or a cancellation)
 * @param gasCostUsdWad gas used x effective price in USD at inclusion, USD wad
 */
public record OutcomeRecord(
    String hash,
    long block,
    boolean success,
    BigInteger gasUsed,
    BigInteger effectiveGasPriceWei,
    BigInteger realizedRevenueUsdWad,
    BigInteger gasCostUsdWad) {
  public OutcomeRecord {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(gasUsed, "gasUsed");
    Objects.requireNonNull(effectiveGasPriceWei, "effectiveGasPriceWei");
    Objects.requireNonNull(realizedRevenueUsdWad, "realizedRevenueUsdWad");
    Objects.requireNonNull(gasCostUsdWad, "gasCostUsdWad");
  }

  /** Gas paid: gasUsed x effective gas price, wei. */
  public BigInteger gasCostWei() {
    return gasUsed.multiply(effectiveGasPriceWei);
  }

  /** Realized profit: revenue minus gas, USD wad (negative for a revert or a cancellation). */
  public BigInteger profitUsdWad() {
    return realizedRevenueUsdWad.subtract(gasCostUsdWad);
  }
}
