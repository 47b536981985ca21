package dev.thetaflow.core.risk;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Greeks of a whole portfolio: one {@link PositionGreeks} per underlying, and totals of the
 * quantities that can be added across underlyings (currency amounts). Share deltas of different
 * underlyings are not added; use {@link #betaWeightedDelta(Map, double)} for one delta number.
 *
 * @param byUnderlying per-underlying sums, keyed by symbol, sorted; immutable
 * @param dollarDelta total of dollar deltas
 * @param dollarGamma total P&amp;L from gamma of a 1 % move of every underlying at once
 * @param vega currency per 1.00 vol (all vols moving together)
 * @param theta currency per year
 */
public record PortfolioGreeks(
    Map<String, PositionGreeks> byUnderlying,
    double dollarDelta,
    double dollarGamma,
    double vega,
    double theta) {

  public PortfolioGreeks {
    if (byUnderlying == null) {
      throw new IllegalArgumentException("portfolio greeks: byUnderlying is required");
    }
    byUnderlying = Collections.unmodifiableMap(new TreeMap<>(byUnderlying));
  }

  /** Groups positions by underlying and sums them. */
  public static PortfolioGreeks sum(Collection<PositionGreeks> positions) {
    Map<String, PositionGreeks> grouped = new TreeMap<>();
    double dollarDelta = 0;
    double dollarGamma = 0;
    double vega = 0;
    double theta = 0;
    for (PositionGreeks p : positions) {
      grouped.merge(p.underlying(), p, PositionGreeks::plus);
      dollarDelta += p.dollarDelta();
      dollarGamma += p.dollarGamma();
      vega += p.vega();
      theta += p.theta();
    }
    return new PortfolioGreeks(grouped, dollarDelta, dollarGamma, vega, theta);
  }

  /**
   * Portfolio delta in shares of the benchmark: Σ dollarDelta × beta / benchmarkPrice. Every
   * underlying must have a beta (the benchmark itself has 1).
   */
  public double betaWeightedDelta(Map<String, Double> betas, double benchmarkPrice) {
    double total = 0;
    for (PositionGreeks p : byUnderlying.values()) {
      Double beta = betas.get(p.underlying());
      if (beta == null) {
        throw new IllegalArgumentException("no beta for underlying " + p.underlying());
      }
      total += p.betaWeightedDelta(beta, benchmarkPrice);
    }
    return total;
  }

  /** Theta per calendar day. */
  public double thetaPerDay() {
    return theta / 365.0;
  }
}
