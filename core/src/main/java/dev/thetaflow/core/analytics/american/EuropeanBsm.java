package dev.thetaflow.core.analytics.american;

import dev.thetaflow.core.analytics.Normal;

/**
 * Black–Scholes–Merton values for European options, used for the European part of the American
 * price and for the regimes where early exercise is never optimal. Kept package-private so this
 * package stands alone; it duplicates the package {@code analytics} European engine on purpose.
 */
final class EuropeanBsm {

  private EuropeanBsm() {}

  /**
   * Put value (K e^{-rT} N(-d2) - S e^{-qT} N(-d1)); intrinsic forward value when T or vol is 0.
   */
  static double put(double s, double k, double r, double q, double vol, double t) {
    double dr = Math.exp(-r * t);
    double dq = Math.exp(-q * t);
    double v = vol * Math.sqrt(t);
    if (!(v > 0.0)) {
      return Math.max(k * dr - s * dq, 0.0);
    }
    double d1 = (Math.log(s / k) + (r - q) * t) / v + 0.5 * v;
    return k * dr * Normal.cdf(-(d1 - v)) - s * dq * Normal.cdf(-d1);
  }

  /** Call value by the same formula with the signs flipped. */
  static double call(double s, double k, double r, double q, double vol, double t) {
    double dr = Math.exp(-r * t);
    double dq = Math.exp(-q * t);
    double v = vol * Math.sqrt(t);
    if (!(v > 0.0)) {
      return Math.max(s * dq - k * dr, 0.0);
    }
    double d1 = (Math.log(s / k) + (r - q) * t) / v + 0.5 * v;
    return s * dq * Normal.cdf(d1) - k * dr * Normal.cdf(d1 - v);
  }

  /** Value of a call (sign +1) or put (sign -1). */
  static double price(double sign, double s, double k, double r, double q, double vol, double t) {
    return sign > 0 ? call(s, k, r, q, vol, t) : put(s, k, r, q, vol, t);
  }

  /**
   * Price and all first-order Greeks in closed form, written into {@code out} as {price, delta,
   * gamma, vega, theta, rho}; requires vol &gt; 0 and t &gt; 0.
   */
  static void greeks(
      double sign, double s, double k, double r, double q, double vol, double t, double[] out) {
    double sqrtT = Math.sqrt(t);
    double v = vol * sqrtT;
    double dr = Math.exp(-r * t);
    double dq = Math.exp(-q * t);
    double d1 = (Math.log(s / k) + (r - q) * t) / v + 0.5 * v;
    double d2 = d1 - v;
    double nd1 = Normal.cdf(sign * d1);
    double nd2 = Normal.cdf(sign * d2);
    double pdf1 = Normal.pdf(d1);
    double price = sign * (s * dq * nd1 - k * dr * nd2);
    out[0] = price;
    out[1] = sign * dq * nd1;
    out[2] = dq * pdf1 / (s * v);
    out[3] = s * dq * pdf1 * sqrtT;
    out[4] = -s * dq * pdf1 * vol / (2.0 * sqrtT) + sign * (q * s * dq * nd1 - r * k * dr * nd2);
    out[5] = sign * k * t * dr * nd2;
  }
}
