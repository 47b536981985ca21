/**
 * Option analytics as pure, thread-safe code: what is priced ({@link
 * dev.thetaflow.core.analytics.PricingInputs}), how ({@link
 * dev.thetaflow.core.analytics.PricingEngine}: {@link dev.thetaflow.core.analytics.EuropeanEngine}
 * and {@link dev.thetaflow.core.analytics.american.AmericanEngine}, chosen per exercise style by
 * {@link dev.thetaflow.core.analytics.PricingEngines}), and the closed forms underneath ({@link
 * dev.thetaflow.core.analytics.BlackScholes}, {@link dev.thetaflow.core.analytics.LetsBeRational},
 * {@link dev.thetaflow.core.analytics.Normal}).
 *
 * <p>Units everywhere: vega per 1.00 of volatility, theta per year as calendar time passes, rho per
 * 1.00 of rate; time in ACT/365 year fractions; rates and yields continuously compounded. Results
 * are tested against independent references: mpmath at 50 digits and QuantLib (data under {@code
 * core/src/test/resources}, scripts under {@code tools/reference}).
 */
package dev.thetaflow.core.analytics;
