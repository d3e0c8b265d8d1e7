package io.collateralkeeper.risk.var;

/**
 * Parametric (normal) value at risk of a linear exposure over a horizon, in USD.
 *
 * @param sigmaUsd standard deviation of the portfolio change over the horizon, USD
 * @param z the standard normal quantile of the confidence (2.3263 for 99%)
 * @param valueAtRiskUsd the loss exceeded with probability 1 - confidence: z x sigma, USD
 * @param expectedShortfallUsd the mean loss beyond the VaR: sigma x phi(z) / (1 - confidence), USD
 */
public record VarResult(double sigmaUsd, double z, double valueAtRiskUsd, double expectedShortfallUsd) {}
