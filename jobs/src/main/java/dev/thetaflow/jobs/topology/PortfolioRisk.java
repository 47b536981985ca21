package dev.thetaflow.jobs.topology;

import java.time.Instant;

/**
 * The whole book at one moment, as the portfolio operator sums it: a row of {@code portfolio_risk}.
 * Greeks are in position units as a trader reads them, summed over the open strategies whose Greeks
 * are known (a strategy without usable Greeks counts in {@code openStrategies} only).
 *
 * @param time event time of the latest input the sums include
 * @param netLiquidation the account's net liquidation value in its base currency, NaN until the
 *     broker reported one
 * @param delta Σ share-equivalent delta: a plain sum across underlyings, meaningful for one
 *     underlying only; {@code dollarDelta} is the number that adds up across them
 * @param gamma Σ gamma per 1.00 of each underlying (the same caveat)
 * @param vega Σ vega, currency per volatility point
 * @param theta Σ theta, currency per calendar day
 * @param dollarDelta Σ delta × spot, currency
 * @param dollarGamma Σ P&amp;L of a 1 % move of every underlying from gamma alone, currency
 * @param margin the account's maintenance margin, NaN until reported
 * @param openStrategies strategies that hold something
 * @param dailyPnl net liquidation now minus at the start of the exchange day (New York), NaN
 *     without a net liquidation value
 */
public record PortfolioRisk(
    Instant time,
    double netLiquidation,
    double delta,
    double gamma,
    double vega,
    double theta,
    double dollarDelta,
    double dollarGamma,
    double margin,
    int openStrategies,
    double dailyPnl) {}
