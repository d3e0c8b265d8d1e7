package io.collateralkeeper.strategy.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.var.VarResult;
import java.math.BigInteger;
import java.util.List;

/**
 * How a volatility-aware target came about.
 *
 * @param targetWad floor + loss / denominator, wad (before the band's min is applied)
 * @param settings horizon, confidence, floor, measure
 * @param denominatorUsdWad the health's denominator, USD wad
 * @param feeds the price feeds the account is exposed to, in matrix order
 * @param deltasUsd dS / d(ln p) per feed, USD
 * @param volatilities each feed's log-return volatility over the horizon
 * @param correlation correlation matrix of the feeds
 * @param samples return intervals the estimate rests on
 * @param risk VaR and expected shortfall over the horizon, USD
 */
public record TargetReport(
    BigInteger targetWad,
    AutoSettings settings,
    BigInteger denominatorUsdWad,
    List<Address> feeds,
    double[] deltasUsd,
    double[] volatilities,
    double[][] correlation,
    int samples,
    VarResult risk) {}
