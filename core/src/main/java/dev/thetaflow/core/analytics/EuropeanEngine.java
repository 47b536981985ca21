package dev.thetaflow.core.analytics;

/**
 * Prices European options in closed form under Black-Scholes-Merton with a continuous dividend
 * yield (see {@link BlackScholes} for conventions and edge cases); implied volatility by Jäckel's
 * "Let's Be Rational". Stateless and thread-safe.
 *
 * <p>Tested against: 50-digit mpmath prices and Greeks (numerical derivatives of the exact price),
 * published literature values (Hull; Haug), central finite differences of every Greek, put-call
 * parity, and implied-volatility round trips.
 */
public final class EuropeanEngine implements PricingEngine {

  @Override
  public ExerciseStyle style() {
    return ExerciseStyle.EUROPEAN;
  }

  @Override
  public double price(PricingInputs inputs) {
    return BlackScholes.price(inputs);
  }

  @Override
  public Greeks greeks(PricingInputs inputs) {
    return BlackScholes.greeks(inputs);
  }

  @Override
  public ImpliedVol impliedVolatility(PricingInputs inputs, double targetPrice) {
    return BlackScholes.impliedVolatility(inputs, targetPrice);
  }

  /** Vanna, charm and vomma of the option. */
  public SecondOrderGreeks secondOrder(PricingInputs inputs) {
    return BlackScholes.secondOrder(inputs);
  }
}
