package dev.thetaflow.core.analytics.american;

import dev.thetaflow.core.analytics.Normal;

/**
 * The normal cumulative distribution at a point where the density is already known: outside |x|
 * &le; 0.66 {@link Normal#cdf} is erfcx(|x|/&radic;2) times the same Gaussian factor exp(-x^2/2)
 * that the density holds, so reusing it saves the exponential the hot loops would otherwise
 * evaluate twice. Agrees with {@link Normal#cdf} to a few ulps (the factor is recovered from the
 * density by one multiplication).
 */
final class NormalFromDensity {

  private static final double SQRT_HALF = 0.7071067811865475244;
  private static final double HALF_SQRT_2PI = 1.2533141373155002512;

  /** Where {@link Normal#cdf} switches from erf to erfcx (Cody's first interval, times sqrt 2). */
  private static final double SMALL = 0.6629126073623883;

  private NormalFromDensity() {}

  /** Phi(x), given pdf = {@link Normal#pdf}(x). */
  static double cdf(double x, double pdf) {
    if (x < -SMALL) {
      return x < -40.0 ? 0.0 : HALF_SQRT_2PI * pdf * Normal.erfcx(-x * SQRT_HALF);
    }
    if (x > SMALL) {
      return x > 9.0 ? 1.0 : 1.0 - HALF_SQRT_2PI * pdf * Normal.erfcx(x * SQRT_HALF);
    }
    return Normal.cdf(x);
  }
}
