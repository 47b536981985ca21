package dev.thetaflow.core.risk;

import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.IvStatus;
import java.time.Instant;

/**
 * One option's implied volatility and Greeks per unit of underlying (no multiplier, no quantity),
 * solved from its mid price at the underlying's mid. When the volatility cannot be solved the
 * Greeks are NaN and {@code ivStatus} says why; an expired option has its intrinsic delta.
 *
 * @param conId the option
 * @param impliedVol annualised implied volatility, NaN unless {@code ivStatus} is OK
 * @param ivStatus the solve's outcome
 * @param delta dV/dS
 * @param gamma d²V/dS²
 * @param vega per 1.00 of volatility
 * @param theta per year as time passes
 * @param rho per 1.00 of rate
 * @param optionPrice the mid the volatility was solved from
 * @param spot the underlying's mid it was solved at
 * @param at the time it was true
 */
public record LegGreeks(
    long conId,
    double impliedVol,
    IvStatus ivStatus,
    double delta,
    double gamma,
    double vega,
    double theta,
    double rho,
    double optionPrice,
    double spot,
    Instant at) {

  /** Whether the Greeks are numbers. */
  public boolean usable() {
    return Double.isFinite(delta);
  }

  /** The Greeks as the analytics return them, valued at the mid. */
  public Greeks perUnit() {
    return new Greeks(optionPrice, delta, gamma, vega, theta, rho);
  }
}
