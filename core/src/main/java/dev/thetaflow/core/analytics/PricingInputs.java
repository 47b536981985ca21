package dev.thetaflow.core.analytics;

/**
 * Everything a single-option valuation needs, in the units the formulas use.
 *
 * @param type call or put
 * @param spot underlying price, &gt; 0
 * @param strike strike price, &gt; 0
 * @param years time to expiry as a year fraction (ACT/365), &ge; 0
 * @param rate continuously compounded risk-free rate (may be negative)
 * @param dividendYield continuously compounded dividend yield (may be negative, e.g. borrow)
 * @param volatility annualised lognormal volatility, &ge; 0; ignored by implied-volatility solvers
 */
public record PricingInputs(
    OptionType type,
    double spot,
    double strike,
    double years,
    double rate,
    double dividendYield,
    double volatility) {

  public PricingInputs {
    if (type == null) {
      throw new IllegalArgumentException("option type is required");
    }
    if (!(spot > 0.0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be a finite number > 0, was " + spot);
    }
    if (!(strike > 0.0) || Double.isInfinite(strike)) {
      throw new IllegalArgumentException("strike must be a finite number > 0, was " + strike);
    }
    if (!(years >= 0.0) || Double.isInfinite(years)) {
      throw new IllegalArgumentException("years must be a finite number >= 0, was " + years);
    }
    if (!Double.isFinite(rate)) {
      throw new IllegalArgumentException("rate must be finite, was " + rate);
    }
    if (!Double.isFinite(dividendYield)) {
      throw new IllegalArgumentException("dividend yield must be finite, was " + dividendYield);
    }
    if (!(volatility >= 0.0) || Double.isInfinite(volatility)) {
      throw new IllegalArgumentException(
          "volatility must be a finite number >= 0, was " + volatility);
    }
  }

  /** The same option and market with another volatility. */
  public PricingInputs withVolatility(double newVolatility) {
    return new PricingInputs(type, spot, strike, years, rate, dividendYield, newVolatility);
  }

  /** The same option and market with another spot. */
  public PricingInputs withSpot(double newSpot) {
    return new PricingInputs(type, newSpot, strike, years, rate, dividendYield, volatility);
  }
}
