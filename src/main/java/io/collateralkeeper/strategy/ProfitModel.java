package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.Units;
import java.math.BigInteger;

/** Converts gas into USD and nets it against revenue. Pure integer math. */
public final class ProfitModel {
  private ProfitModel() {}

  /**
   * Gas cost in USD wad: {@code gasUnits x weiPerGas x nativeUsdPrice / 1e8}.
   *
   * @param gasUnits gas the transaction uses
   * @param weiPerGas effective price per gas, wei
   * @param nativeUsdPrice price of the native coin (ETH), USD with 8 decimals
   */
  public static BigInteger gasCostUsdWad(BigInteger gasUnits, BigInteger weiPerGas, BigInteger nativeUsdPrice) {
    return gasUnits.multiply(weiPerGas).multiply(nativeUsdPrice).divide(Units.PRICE_UNIT);
  }

  /** Revenue minus gas cost, USD wad (negative when gas costs more than it earns). */
  public static BigInteger netProfitUsdWad(
      BigInteger revenueUsdWad, BigInteger gasUnits, BigInteger weiPerGas, BigInteger nativeUsdPrice) {
    return revenueUsdWad.subtract(gasCostUsdWad(gasUnits, weiPerGas, nativeUsdPrice));
  }
}
