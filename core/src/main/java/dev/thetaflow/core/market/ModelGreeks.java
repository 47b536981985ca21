package dev.thetaflow.core.market;

import java.time.Instant;

/**
 * The broker's option model output for one option at one moment, as reported (not recomputed). Any
 * value the broker did not compute is NaN; adapters turn wire sentinels (−1, −2, MAX_VALUE) into
 * NaN.
 *
 * <p>Units follow the common broker convention, which differs from {@code analytics.Greeks}: vega
 * per 1 volatility point (0.01), theta per calendar day. Delta and gamma are per one unit of
 * underlying, without multiplier.
 *
 * @param conId the option, &gt; 0
 * @param source which price the model was evaluated at
 * @param impliedVol annualised implied volatility (0.20 = 20 %), &ge; 0 or NaN
 * @param delta dV/dS, or NaN
 * @param gamma d2V/dS2, or NaN
 * @param vega dV per +1 vol point, or NaN
 * @param theta dV per calendar day, or NaN
 * @param optionPrice the option price the model used or produced, or NaN
 * @param underlyingPrice the underlying price the model used, &gt; 0 or NaN
 * @param time when the values were true
 */
public record ModelGreeks(
    long conId,
    ModelTickSource source,
    double impliedVol,
    double delta,
    double gamma,
    double vega,
    double theta,
    double optionPrice,
    double underlyingPrice,
    Instant time) {

  public ModelGreeks {
    if (conId <= 0) {
      throw new IllegalArgumentException("model greeks conId must be > 0, was " + conId);
    }
    if (source == null || time == null) {
      throw new IllegalArgumentException(
          "model greeks " + conId + ": source and time are required");
    }
    if (impliedVol < 0.0 || Double.isInfinite(impliedVol)) {
      throw new IllegalArgumentException(
          "model greeks " + conId + ": impliedVol must be >= 0 or NaN, was " + impliedVol);
    }
    if (underlyingPrice <= 0.0 || Double.isInfinite(underlyingPrice)) {
      throw new IllegalArgumentException(
          "model greeks " + conId + ": underlyingPrice must be > 0 or NaN, was " + underlyingPrice);
    }
    requireFiniteOrNaN("delta", delta, conId);
    requireFiniteOrNaN("gamma", gamma, conId);
    requireFiniteOrNaN("vega", vega, conId);
    requireFiniteOrNaN("theta", theta, conId);
    requireFiniteOrNaN("optionPrice", optionPrice, conId);
  }

  private static void requireFiniteOrNaN(String field, double value, long conId) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "model greeks " + conId + ": " + field + " must be finite or NaN, was " + value);
    }
  }
}
