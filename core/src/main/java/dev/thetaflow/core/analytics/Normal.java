package dev.thetaflow.core.analytics;

/**
 * The standard normal distribution: density, cumulative distribution and its inverse, plus the
 * error functions they are built on.
 *
 * <p>erf, erfc and erfcx use W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23, 1969). Wherever a Gaussian factor {@code
 * exp(-x*x/2)} is needed, the square is split exactly with a fused multiply-add so the factor keeps
 * full relative precision far into the tails; {@link #cdf} is therefore accurate to a few ulps
 * relative over the whole line, also where {@code 1 - cdf(-x)} would cancel: against 50-digit
 * mpmath values the worst relative error of cdf, pdf, erfc, erfcx and inverseCdf is below 5e-16
 * from x = -37 to 9 (tools/reference/analytics_reference.py, NormalTest). Below about -37.5 the
 * values are subnormal and lose relative precision. Pure static functions, thread-safe,
 * allocation-free.
 */
public final class Normal {

  private static final double INV_SQRT_2PI = 0.3989422804014326779;
  private static final double SQRT_2PI = 2.5066282746310005024;
  private static final double SQRT_HALF = 0.7071067811865475244;
  private static final double INV_SQRT_PI = 0.5641895835477562869;

  /** Below this |x| Cody's first interval evaluates erf directly. */
  private static final double ERF_SMALL = 0.46875;

  /** {@code ERF_SMALL * sqrt(2)}: the same boundary for the argument of {@link #cdf}. */
  private static final double CDF_SMALL = 0.6629126073623883;

  /** exp(x*x) overflows for x below this, so erfcx(x) is +infinity. */
  private static final double ERFCX_OVERFLOW = -26.628;

  /** Above this, Cody's third-interval correction is below an ulp: erfcx(x) = 1/(x sqrt(pi)). */
  private static final double ERFCX_HUGE = 6.71e7;

  private Normal() {}

  /** Density phi(x). */
  public static double pdf(double x) {
    return INV_SQRT_2PI * expMinusHalfSquare(x);
  }

  /** Cumulative distribution Phi(x), accurate in relative terms also far into the lower tail. */
  public static double cdf(double x) {
    if (Math.abs(x) <= CDF_SMALL) {
      return 0.5 + 0.5 * erfSmall(x * SQRT_HALF);
    }
    if (x < 0.0) {
      if (x < -40.0) {
        return 0.0; // underflows; also keeps -infinity away from the exact square split
      }
      return 0.5 * erfcxPositive(-x * SQRT_HALF) * expMinusHalfSquare(x);
    }
    if (x > 9.0) {
      return 1.0; // 1 - Phi(9) is below half an ulp of 1
    }
    return 1.0 - 0.5 * erfcxPositive(x * SQRT_HALF) * expMinusHalfSquare(x);
  }

  /**
   * Inverse of {@link #cdf}: the x with {@code cdf(x) == p}; -infinity at 0, +infinity at 1, NaN
   * outside [0, 1]. Acklam's rational approximation (relative error 1.2e-9) refined by one Halley
   * step on the accurate {@link #cdf}, which brings it to a few ulps.
   */
  public static double inverseCdf(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      if (p == 0.0) {
        return Double.NEGATIVE_INFINITY;
      }
      return p == 1.0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    // 1 - p is exact for p >= 0.5, so the upper half maps onto the lower one without loss.
    return p > 0.5 ? -inverseCdfLowerHalf(1.0 - p) : inverseCdfLowerHalf(p);
  }

  /** Complementary error function erfc(x) = 1 - erf(x). */
  public static double erfc(double x) {
    double ax = Math.abs(x);
    if (ax <= ERF_SMALL) {
      return 1.0 - erfSmall(x);
    }
    double upper = ax < 27.3 ? erfcxPositive(ax) * expMinusSquare(ax) : 0.0;
    if (x == x) {
      return x > 0.0 ? upper : 2.0 - upper;
    }
    return Double.NaN;
  }

  /**
   * Scaled complementary error function erfcx(x) = exp(x*x) erfc(x); about 1/(x sqrt(pi)) for large
   * x, so it stays representable where erfc underflows. +infinity below about -26.6.
   */
  public static double erfcx(double x) {
    if (x >= 0.0) {
      return x <= ERF_SMALL ? expSquare(x) * (1.0 - erfSmall(x)) : erfcxPositive(x);
    }
    if (x >= -ERF_SMALL) {
      return expSquare(x) * (1.0 - erfSmall(x));
    }
    if (x < ERFCX_OVERFLOW) {
      return Double.POSITIVE_INFINITY;
    }
    // erfc(x) = 2 - erfc(-x) for negative x.
    return 2.0 * expSquare(x) - erfcxPositive(-x);
  }

  /** erf(x) for |x| &lt;= 0.46875 (Cody's first interval). */
  private static double erfSmall(double x) {
    double z = x * x;
    double num = 1.85777706184603153e-1 * z + 3.16112374387056560e00;
    num = num * z + 1.13864154151050156e02;
    num = num * z + 3.77485237685302021e02;
    num = num * z + 3.20937758913846947e03;
    double den = z + 2.36012909523441209e01;
    den = den * z + 2.44024637934444173e02;
    den = den * z + 1.28261652607737228e03;
    den = den * z + 2.84423683343917062e03;
    return x * num / den;
  }

  /** erfcx(y) for y &gt; 0.46875 (Cody's second and third intervals). */
  static double erfcxPositive(double y) {
    if (y <= 4.0) {
      double num = 2.15311535474403846e-8 * y + 5.64188496988670089e-1;
      num = num * y + 8.88314979438837594e00;
      num = num * y + 6.61191906371416295e01;
      num = num * y + 2.98635138197400131e02;
      num = num * y + 8.81952221241769090e02;
      num = num * y + 1.71204761263407058e03;
      num = num * y + 2.05107837782607147e03;
      num = num * y + 1.23033935479799725e03;
      double den = y + 1.57449261107098347e01;
      den = den * y + 1.17693950891312499e02;
      den = den * y + 5.37181101862009858e02;
      den = den * y + 1.62138957456669019e03;
      den = den * y + 3.29079923573345963e03;
      den = den * y + 4.36261909014324716e03;
      den = den * y + 3.43936767414372164e03;
      den = den * y + 1.23033935480374942e03;
      return num / den;
    }
    if (y >= ERFCX_HUGE) {
      return INV_SQRT_PI / y;
    }
    double z = 1.0 / (y * y);
    double num = 1.63153871373020978e-2 * z + 3.05326634961232344e-1;
    num = num * z + 3.60344899949804439e-1;
    num = num * z + 1.25781726111229246e-1;
    num = num * z + 1.60837851487422766e-2;
    num = num * z + 6.58749161529837803e-4;
    double den = z + 2.56852019228982242e00;
    den = den * z + 1.87295284992346047e00;
    den = den * z + 5.27905102951428412e-1;
    den = den * z + 6.05183413124413191e-2;
    den = den * z + 2.33520497626869185e-3;
    return (INV_SQRT_PI - z * num / den) / y;
  }

  /**
   * exp(-x*x/2) to about an ulp for any x: x*x is split exactly into hi + lo with an FMA, so the
   * rounding of the square (relative error x*x*eps, 1.5e-13 at x = 37) never reaches the result.
   */
  static double expMinusHalfSquare(double x) {
    if (!(Math.abs(x) < 40.0)) {
      return x == x ? 0.0 : x;
    }
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    return Math.exp(-0.5 * hi) * (1.0 - 0.5 * lo);
  }

  /** exp(-x*x) with the same exact split of the square. */
  private static double expMinusSquare(double x) {
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    return Math.exp(-hi) * (1.0 - lo);
  }

  /** exp(x*x) with the same exact split of the square. */
  private static double expSquare(double x) {
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    return Math.exp(hi) * (1.0 + lo);
  }

  private static double inverseCdfLowerHalf(double p) {
    if (p < 0.02425) {
      double q = Math.sqrt(-2.0 * Math.log(p));
      double num = -7.784894002430293e-03 * q - 3.223964580411365e-01;
      num = num * q - 2.400758277161838e+00;
      num = num * q - 2.549732539343734e+00;
      num = num * q + 4.374664141464968e+00;
      num = num * q + 2.938163982698783e+00;
      double den = 7.784695709041462e-03 * q + 3.224671290700398e-01;
      den = den * q + 2.445134137142996e+00;
      den = den * q + 3.754408661907416e+00;
      den = den * q + 1.0;
      double x = num / den;
      // Halley step on cdf(x) - p; cdf is accurate in relative terms here, p is small.
      double u = (cdf(x) - p) * SQRT_2PI / expMinusHalfSquare(x);
      return x - u / (1.0 + 0.5 * x * u);
    }
    double q = p - 0.5;
    double r = q * q;
    double num = -3.969683028665376e+01 * r + 2.209460984245205e+02;
    num = num * r - 2.759285104469687e+02;
    num = num * r + 1.383577518672690e+02;
    num = num * r - 3.066479806614716e+01;
    num = num * r + 2.506628277459239e+00;
    double den = -5.447609879822406e+01 * r + 1.615858368580409e+02;
    den = den * r - 1.556989798598866e+02;
    den = den * r + 6.680131188771972e+01;
    den = den * r - 1.328068155288572e+01;
    den = den * r + 1.0;
    double x = num * q / den;
    // Halley step on (cdf(x) - 1/2) - (p - 1/2): near the centre both sides keep their relative
    // precision, so x does too even when it is tiny.
    double u = (cdfMinusHalf(x) - q) * SQRT_2PI / expMinusHalfSquare(x);
    return x - u / (1.0 + 0.5 * x * u);
  }

  /** Phi(x) - 1/2 without cancellation near x = 0. */
  private static double cdfMinusHalf(double x) {
    if (Math.abs(x) <= CDF_SMALL) {
      return 0.5 * erfSmall(x * SQRT_HALF);
    }
    return cdf(x) - 0.5;
  }
}
