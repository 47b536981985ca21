package dev.thetaflow.core.analytics;

/**
 * The normalised Black call price of P. Jäckel, "Let's Be Rational" (Wilmott, 2015):
 *
 * <pre>
 *   b(x, s) = exp(x/2) Phi(x/s + s/2) - exp(-x/2) Phi(x/s - s/2),   x = ln(F/K), s = sigma sqrt(T)
 * </pre>
 *
 * so that the undiscounted Black call is {@code sqrt(F K) b(x, s)} and the put is {@code sqrt(F K)
 * b(-x, s)}. For out-of-the-money options ({@code x <= 0}) it is evaluated in four regions, each in
 * a form without cancellation, so that even tiny prices keep their relative precision: an
 * asymptotic expansion for large negative {@code h = x/s}, a Taylor expansion in {@code t = s/2}
 * for small t, the direct formula where the first term dominates, and a form with one exponential
 * and two {@link Normal#erfcx} values otherwise. In-the-money values are intrinsic plus the
 * out-of-the-money value (a sum of two positive numbers).
 */
final class NormalisedBlack {

  static final double INV_SQRT_2PI = 0.3989422804014326779;
  private static final double SQRT_HALF = 0.7071067811865475244;
  private static final double SQRT_HALF_PI = 1.2533141373155002512;

  /** h below which the asymptotic expansion in 1/h^2 is accurate to machine precision. */
  private static final double ETA = -10.0;

  /** t below which the small-t expansion is accurate to machine precision: 2 eps^(1/16). */
  private static final double TAU = 2.0 * 0.10511205190671433;

  /** Below this h the value underflows: b &lt; exp(-h^2/2) &lt; 1e-347. */
  private static final double H_UNDERFLOW = -40.0;

  private NormalisedBlack() {}

  /** b(x, s) for a call; for a put use {@code call(-x, s)}. */
  static double call(double x, double s) {
    return x > 0.0 ? intrinsic(x) + outOfTheMoney(-x, s) : outOfTheMoney(x, s);
  }

  /** Normalised intrinsic value of a call, exp(x/2) - exp(-x/2) for x &gt; 0, else 0. */
  static double intrinsic(double x) {
    return x > 0.0 ? 2.0 * Math.sinh(0.5 * x) : 0.0;
  }

  /** db/ds, the same for calls and puts. */
  static double vega(double x, double s) {
    if (!(s > 0.0)) {
      return x == 0.0 && s == 0.0 ? INV_SQRT_2PI : 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    return INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
  }

  /** b(x, s) for x &lt;= 0 (an out-of-the-money or at-the-money call). */
  static double outOfTheMoney(double x, double s) {
    if (!(s > 0.0)) {
      return s == 0.0 ? 0.0 : Double.NaN;
    }
    double h = x / s;
    if (h < H_UNDERFLOW) {
      return 0.0;
    }
    double t = 0.5 * s;
    if (h < ETA && h + t < ETA + TAU) {
      return asymptoticExpansion(h, t);
    }
    if (t < TAU) {
      return smallTExpansion(h, t);
    }
    if (h + t > 0.85) {
      // The first term is at least 80 % of b: no significant cancellation.
      double halfForward = Math.exp(0.5 * x);
      return Math.max(Normal.cdf(h + t) * halfForward - Normal.cdf(h - t) / halfForward, 0.0);
    }
    // Phi(z) = exp(-z^2/2) erfcx(-z/sqrt 2) / 2 turns b into one exponential times the
    // difference of two rational functions.
    return Math.max(
        0.5
            * Math.exp(-0.5 * (h * h + t * t))
            * (Normal.erfcx(-SQRT_HALF * (h + t)) - Normal.erfcx(-SQRT_HALF * (h - t))),
        0.0);
  }

  /**
   * b = phi-prefactor * [Y(h+t) - Y(h-t)] with Y(z) = Phi(z)/phi(z) expanded asymptotically, Y(z) =
   * sum_n (-1)^n (2n-1)!! |z|^-(2n+1) (Abramowitz-Stegun 26.2.12). The differences of powers a^-k -
   * c^-k (a = |h+t| &lt; c = |h-t|) are built by a recurrence of positive terms, so nothing cancels
   * even when t is tiny against h.
   */
  private static double asymptoticExpansion(double h, double t) {
    double a = -(h + t);
    double c = t - h;
    double invA2 = 1.0 / (a * a);
    double invC2 = 1.0 / (c * c);
    double diffOfInverseSquares = -4.0 * h * t * invA2 * invC2; // 1/a^2 - 1/c^2
    double powerDiff = 2.0 * t / (a * c); // 1/a - 1/c
    double invCPower = 1.0 / c;
    double sum = powerDiff;
    double coefficient = 1.0;
    for (int n = 1; n < 40; n++) {
      coefficient *= -(2 * n - 1);
      powerDiff = powerDiff * invA2 + invCPower * diffOfInverseSquares;
      invCPower *= invC2;
      double term = coefficient * powerDiff;
      sum += term;
      if (Math.abs(term) <= 1e-17 * sum) {
        break;
      }
    }
    return Math.max(INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t)) * sum, 0.0);
  }

  /**
   * Y(h+t) - Y(h-t) by its Taylor series in t to twelfth order (Jäckel's small-t expansion), with
   * coefficients in a = 1 + h Y(h) = Y'(h) and h^2. Accurate to machine precision for t &lt; TAU
   * and moderate h; as h approaches -10, a = 1 + h Y(h) ~ 1/h^2 loses about log10(h^2) digits to
   * cancellation (1e-14 relative at h = -10, measured).
   */
  private static double smallTExpansion(double h, double t) {
    double a = 1.0 + h * SQRT_HALF_PI * Normal.erfcx(-SQRT_HALF * h);
    double w = t * t;
    double h2 = h * h;
    double c12 =
        (-89055
                + 135135 * a
                + h2
                    * (-82845
                        + 270270 * a
                        + h2
                            * (-20370
                                + 135135 * a
                                + h2
                                    * (-1926
                                        + 25740 * a
                                        + h2 * (-75 + 2145 * a + h2 * (-1 + 78 * a + a * h2))))))
            / 6227020800.0;
    double c10 =
        (-6555
                + 10395 * a
                + h2
                    * (-4680
                        + 17325 * a
                        + h2
                            * (-840
                                + 6930 * a
                                + h2 * (-52 + 990 * a + h2 * (-1 + 55 * a + a * h2)))))
            / 39916800.0;
    double c8 =
        (-561
                + 945 * a
                + h2 * (-285 + 1260 * a + h2 * (-33 + 378 * a + h2 * (-1 + 36 * a + a * h2))))
            / 362880.0;
    double c6 = (-57 + 105 * a + h2 * (-18 + 105 * a + h2 * (-1 + 21 * a + a * h2))) / 5040.0;
    double c4 = (-7 + 15 * a + h2 * (-1 + 10 * a + a * h2)) / 120.0;
    double c2 = (-1 + 3 * a + a * h2) / 6.0;
    double series = a + w * (c2 + w * (c4 + w * (c6 + w * (c8 + w * (c10 + w * c12)))));
    return Math.max(INV_SQRT_2PI * Math.exp(-0.5 * (h2 + w)) * 2.0 * t * series, 0.0);
  }
}
