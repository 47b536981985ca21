package dev.thetaflow.core.risk;

import java.io.Serializable;
import java.util.Map;

/**
 * What the option analytics assume about the market beyond quotes: the continuously compounded
 * risk-free rate and each underlying's continuous dividend yield (0 when not listed).
 *
 * @param rate risk-free rate, finite, within ±1 (a rate of 150% is a typo, not a market)
 * @param dividendYields continuous dividend yield by underlying symbol, each finite within [0, 1)
 */
public record MarketAssumptions(double rate, Map<String, Double> dividendYields)
    implements Serializable {

  public MarketAssumptions {
    if (!Double.isFinite(rate) || Math.abs(rate) > 1) {
      throw new IllegalArgumentException("rate must be finite and within ±1, was " + rate);
    }
    dividendYields = Map.copyOf(dividendYields);
    dividendYields.forEach(
        (symbol, q) -> {
          if (q == null || !Double.isFinite(q) || q < 0 || q >= 1) {
            throw new IllegalArgumentException(
                "dividend yield of " + symbol + " must be in [0, 1), was " + q);
          }
        });
  }

  /** The dividend yield assumed for {@code symbol}. */
  public double dividendYield(String symbol) {
    return dividendYields.getOrDefault(symbol, 0.0);
  }
}
