package dev.thetaflow.core.analytics.american;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.analytics.ImpliedVol;
import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.PricingInputs;

/**
 * Implied volatility for American prices: Newton's method on the engine's price and vega,
 * safeguarded by a bracket that every evaluation narrows and by bisection whenever Newton would
 * leave it (or vega vanishes, as it does where the option is exercised at once).
 */
final class AmericanImpliedVol {

  /** Prices an option at a given volatility, with its vega. */
  interface VolPricer {
    /**
     * Writes {price, vega} into out. {@code hv} is a bump size for pricers that take vega from
     * differences. A quick evaluation may start from the previous evaluation's state, so its price
     * agrees with the engine's price only to the solver's tolerance; a final one (quick false) must
     * reproduce it.
     */
    void priceAndVega(PricingInputs inputs, double vol, double hv, boolean quick, double[] out);
  }

  static final double VOL_TOLERANCE = 1e-11;

  /**
   * The quick (warm-started) Newton steps stop once a step is this small relative to max(1, vol);
   * one final Newton step on a full evaluation then lands on the root of the engine's own price to
   * about the square of this.
   */
  static final double QUICK_TOLERANCE = 1e-7;

  private static final double MAX_VOL = 100.0;
  private static final int MAX_ITERATIONS = 100;

  private AmericanImpliedVol() {}

  static ImpliedVol solve(PricingInputs in, double target, VolPricer pricer) {
    return solve(in, target, pricer, new double[2]);
  }

  static ImpliedVol solve(PricingInputs in, double target, VolPricer pricer, double[] out) {
    if (!(target >= 0.0) || Double.isInfinite(target)) {
      return ImpliedVol.failed(IvStatus.INVALID_PRICE);
    }
    double t = in.years();
    if (t == 0.0) {
      return ImpliedVol.failed(IvStatus.EXPIRED);
    }
    double s = in.spot();
    double k = in.strike();
    boolean call = in.type().sign() > 0;
    double upper = call ? s : k;
    if (target >= upper) {
      return ImpliedVol.failed(IvStatus.ABOVE_UPPER_BOUND);
    }
    double lower =
        call
            ? DeterministicExercise.put(k, s, in.dividendYield(), in.rate(), t)
            : DeterministicExercise.put(s, k, in.rate(), in.dividendYield(), t);
    if (target <= lower) {
      return ImpliedVol.failed(IvStatus.BELOW_INTRINSIC);
    }
    double vol = firstGuess(in, target, lower);
    double lo = 0.0;
    double hi = Double.POSITIVE_INFINITY;
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double hv = Math.max(1e-4 * vol, 1e-7);
      pricer.priceAndVega(in, vol, hv, true, out);
      double f = out[0] - target;
      double vega = out[1];
      if (f > 0.0) {
        hi = vol;
      } else if (f < 0.0) {
        lo = vol;
      }
      if (Math.abs(f) <= 1e-15 * k + 1e-13 * target) {
        return ImpliedVol.ok(polish(in, target, vol, pricer, out)); // matched to rounding
      }
      double next = vol - f / vega;
      boolean newtonOk = vega > 0.0 && next > lo && next < hi;
      if (!newtonOk) {
        next = hi == Double.POSITIVE_INFINITY ? 2.0 * vol : 0.5 * (lo + hi);
      } else if (hi == Double.POSITIVE_INFINITY && next > 2.0 * vol) {
        next = 2.0 * vol; // far out of the money vega is tiny: grow geometrically instead
      }
      if (next > MAX_VOL) {
        return ImpliedVol.failed(IvStatus.NOT_CONVERGED);
      }
      if ((newtonOk && Math.abs(next - vol) < QUICK_TOLERANCE * Math.max(1.0, vol))
          || (hi - lo) < VOL_TOLERANCE * Math.max(1.0, vol)) {
        return ImpliedVol.ok(polish(in, target, next, pricer, out));
      }
      vol = next;
    }
    return ImpliedVol.failed(IvStatus.NOT_CONVERGED);
  }

  /**
   * One Newton step on a full evaluation at vol, so that the result is the root of the engine's own
   * price rather than of the quick evaluations; kept only where the step is as small as the
   * difference between the two can make it (otherwise vol stands, e.g. where vega vanishes).
   */
  private static double polish(
      PricingInputs in, double target, double vol, VolPricer pricer, double[] out) {
    pricer.priceAndVega(in, vol, Math.max(1e-4 * vol, 1e-7), false, out);
    double step = (out[0] - target) / out[1];
    return out[1] > 0.0 && Math.abs(step) < 1e-5 * Math.max(1.0, vol) ? vol - step : vol;
  }

  /**
   * The European implied volatility of the target: an American price is at least the European one
   * at the same volatility, so this is an upper estimate that is close wherever the early-exercise
   * premium is small, which saves most Newton steps. Where no European volatility matches (deep in
   * the money, above the European bound) an at-the-money guess from the time value, V - lower ~ 0.4
   * S vol sqrt(T), is used instead.
   */
  private static double firstGuess(PricingInputs in, double target, double lower) {
    ImpliedVol european = BlackScholes.impliedVolatility(in, target);
    double vol = european.volatility();
    if (european.status() == IvStatus.OK && vol > 1e-3 && vol < 10.0) {
      return vol;
    }
    vol = (target - lower) / (0.4 * Math.min(in.spot(), in.strike()) * Math.sqrt(in.years()));
    return Math.min(Math.max(vol, 0.05), 3.0);
  }
}
