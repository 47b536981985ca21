package dev.thetaflow.core.analytics;

/**
 * Value and first-order sensitivities of one option (one unit of underlying, no multiplier).
 *
 * @param price option value
 * @param delta dV/dS
 * @param gamma d2V/dS2
 * @param vega dV/dsigma per 1.00 (100 vol points) of volatility
 * @param theta dV/dt per year as calendar time passes (negative for a typical long option)
 * @param rho dV/dr per 1.00 of rate
 */
public record Greeks(
    double price, double delta, double gamma, double vega, double theta, double rho) {}
