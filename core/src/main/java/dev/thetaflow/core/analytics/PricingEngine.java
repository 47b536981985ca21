package dev.thetaflow.core.analytics;

/**
 * How an option is valued. Implementations are stateless and thread-safe; the contract terms and
 * market come in {@link PricingInputs}.
 */
public interface PricingEngine {

  /** The exercise style this engine values. */
  ExerciseStyle style();

  /** The option's value. */
  double price(PricingInputs inputs);

  /** The option's value and first-order Greeks. */
  Greeks greeks(PricingInputs inputs);

  /**
   * The volatility at which this engine's price equals {@code targetPrice}; the volatility in
   * {@code inputs} is ignored.
   */
  ImpliedVol impliedVolatility(PricingInputs inputs, double targetPrice);
}
