package dev.thetaflow.core.risk;

import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.instrument.Contract;

/**
 * Greeks of a position (or a sum of positions on one underlying) in position units: the per-unit
 * {@link Greeks} × multiplier × signed quantity. A short option position has the negated Greeks of
 * a long one.
 *
 * <p>Units:
 *
 * <ul>
 *   <li>{@code delta}: share-equivalents of the underlying (a long 0.30-delta SPY call × 100 = 30).
 *   <li>{@code gamma}: change of {@code delta} per 1.00 move of the underlying.
 *   <li>{@code vega}: currency per 1.00 (100 points) of volatility; {@link #vegaPerPoint()} per
 *       point.
 *   <li>{@code theta}: currency per year; {@link #thetaPerDay()} per calendar day (÷ 365).
 *   <li>{@code rho}: currency per 1.00 of rate.
 *   <li>{@code dollarDelta} = delta × spot: the first-order P&amp;L of a move dS is {@code
 *       dollarDelta × dS / spot}, so a 1 % move makes {@code 0.01 × dollarDelta}.
 *   <li>{@code dollarGamma} = ½ × gamma × (0.01 × spot)²: the second-order P&amp;L of a 1 % move of
 *       the underlying, in currency (always ≥ 0 for long options).
 * </ul>
 *
 * @param underlying the underlying symbol
 * @param spot the underlying price these values were computed at, &gt; 0
 * @param delta share-equivalent delta
 * @param gamma position gamma per 1.00 of underlying
 * @param vega currency per 1.00 vol
 * @param theta currency per year
 * @param rho currency per 1.00 rate
 * @param dollarDelta delta × spot
 * @param dollarGamma P&amp;L of a 1 % move from gamma alone
 */
public record PositionGreeks(
    String underlying,
    double spot,
    double delta,
    double gamma,
    double vega,
    double theta,
    double rho,
    double dollarDelta,
    double dollarGamma) {

  public PositionGreeks {
    if (underlying == null || underlying.isBlank()) {
      throw new IllegalArgumentException("position greeks: underlying is required");
    }
    if (!(spot > 0.0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException(
          "position greeks " + underlying + ": spot must be a finite number > 0, was " + spot);
    }
    requireFinite(underlying, "delta", delta);
    requireFinite(underlying, "gamma", gamma);
    requireFinite(underlying, "vega", vega);
    requireFinite(underlying, "theta", theta);
    requireFinite(underlying, "rho", rho);
    requireFinite(underlying, "dollarDelta", dollarDelta);
    requireFinite(underlying, "dollarGamma", dollarGamma);
  }

  /**
   * Scales per-unit Greeks to a position.
   *
   * @param perUnit Greeks of one option on one unit of underlying
   * @param multiplier units of underlying per contract (100)
   * @param quantity signed contracts (negative = short)
   * @param spot underlying price the Greeks were computed at
   */
  public static PositionGreeks of(
      String underlying, Greeks perUnit, double multiplier, long quantity, double spot) {
    if (perUnit == null) {
      throw new IllegalArgumentException("position greeks " + underlying + ": greeks are required");
    }
    if (!(multiplier > 0.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException(
          "position greeks " + underlying + ": multiplier must be > 0, was " + multiplier);
    }
    double units = multiplier * quantity;
    double delta = perUnit.delta() * units;
    double gamma = perUnit.gamma() * units;
    double onePercent = 0.01 * spot;
    return new PositionGreeks(
        underlying,
        spot,
        delta,
        gamma,
        perUnit.vega() * units,
        perUnit.theta() * units,
        perUnit.rho() * units,
        delta * spot,
        0.5 * gamma * onePercent * onePercent);
  }

  /** Scales per-unit Greeks to {@code quantity} contracts of {@code contract}. */
  public static PositionGreeks of(Contract contract, Greeks perUnit, long quantity, double spot) {
    return of(contract.symbol(), perUnit, contract.multiplier(), quantity, spot);
  }

  /** Stock or ETF shares: delta 1 per share, nothing else. */
  public static PositionGreeks ofShares(String underlying, long shares, double spot) {
    return new PositionGreeks(underlying, spot, shares, 0, 0, 0, 0, shares * spot, 0);
  }

  /** The sum of two positions on the same underlying valued at the same spot. */
  public PositionGreeks plus(PositionGreeks other) {
    if (!underlying.equals(other.underlying) || spot != other.spot) {
      throw new IllegalArgumentException(
          "cannot add greeks of "
              + other.underlying
              + "@"
              + other.spot
              + " to "
              + underlying
              + "@"
              + spot
              + ": same underlying and spot required");
    }
    return new PositionGreeks(
        underlying,
        spot,
        delta + other.delta,
        gamma + other.gamma,
        vega + other.vega,
        theta + other.theta,
        rho + other.rho,
        dollarDelta + other.dollarDelta,
        dollarGamma + other.dollarGamma);
  }

  /** Vega per one volatility point (0.01). */
  public double vegaPerPoint() {
    return vega / 100.0;
  }

  /** Theta per calendar day. */
  public double thetaPerDay() {
    return theta / 365.0;
  }

  /**
   * Delta in shares of a benchmark (e.g. SPY): {@code dollarDelta × beta / benchmarkPrice}, where
   * {@code beta} is the underlying's beta to the benchmark.
   */
  public double betaWeightedDelta(double beta, double benchmarkPrice) {
    if (!Double.isFinite(beta) || !(benchmarkPrice > 0.0) || Double.isInfinite(benchmarkPrice)) {
      throw new IllegalArgumentException(
          "beta must be finite and benchmark price > 0, were " + beta + ", " + benchmarkPrice);
    }
    return dollarDelta * beta / benchmarkPrice;
  }

  private static void requireFinite(String underlying, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "position greeks " + underlying + ": " + field + " must be finite, was " + value);
    }
  }
}
