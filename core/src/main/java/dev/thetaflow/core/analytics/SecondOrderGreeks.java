package dev.thetaflow.core.analytics;

/**
 * Second-order sensitivities a risk view needs.
 *
 * @param vanna d2V/(dS dsigma), per 1.00 of volatility
 * @param charm d(delta)/dt per year as calendar time passes
 * @param vomma d2V/dsigma2, per 1.00 of volatility squared
 */
public record SecondOrderGreeks(double vanna, double charm, double vomma) {}
