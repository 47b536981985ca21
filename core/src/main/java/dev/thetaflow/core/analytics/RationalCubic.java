package dev.thetaflow.core.analytics;

/**
 * Shape-preserving rational cubic interpolation on one interval (R. Delbourgo and J. A. Gregory,
 * "Shape preserving piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6, 1985), as used
 * by {@link LetsBeRational} for its initial guess. The control parameter r tunes the curve between
 * a cubic (r = 3) and a straight line (r to infinity).
 */
final class RationalCubic {

  private static final double EPS = Math.ulp(1.0);
  static final double MIN_CONTROL = -(1.0 - Math.sqrt(EPS));
  static final double MAX_CONTROL = 2.0 / (EPS * EPS);

  private RationalCubic() {}

  /** The interpolant through (xl, yl) and (xr, yr) with slopes dl and dr, evaluated at x. */
  static double interpolate(
      double x, double xl, double xr, double yl, double yr, double dl, double dr, double r) {
    double h = xr - xl;
    if (Math.abs(h) <= 0.0) {
      return 0.5 * (yl + yr);
    }
    double t = (x - xl) / h;
    if (r >= MAX_CONTROL) {
      return yr * t + yl * (1.0 - t);
    }
    double u = 1.0 - t;
    double t2 = t * t;
    double u2 = u * u;
    double numerator =
        yr * t2 * t + (r * yr - h * dr) * t2 * u + (r * yl + h * dl) * t * u2 + yl * u2 * u;
    return numerator / (1.0 + (r - 3.0) * t * u);
  }

  /**
   * The control parameter that matches the second derivative at the left end, raised if needed to
   * keep the interpolant convex or monotone where the data are.
   */
  static double convexControlFittingLeft(
      double xl,
      double xr,
      double yl,
      double yr,
      double dl,
      double dr,
      double secondDerivative,
      boolean preferShape) {
    double h = xr - xl;
    double numerator = 0.5 * h * secondDerivative + (dr - dl);
    double denominator = (yr - yl) / h - dl;
    double r = fit(numerator, denominator);
    return Math.max(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
  }

  /** As {@link #convexControlFittingLeft} for the second derivative at the right end. */
  static double convexControlFittingRight(
      double xl,
      double xr,
      double yl,
      double yr,
      double dl,
      double dr,
      double secondDerivative,
      boolean preferShape) {
    double h = xr - xl;
    double numerator = 0.5 * h * secondDerivative + (dr - dl);
    double denominator = dr - (yr - yl) / h;
    double r = fit(numerator, denominator);
    return Math.max(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
  }

  private static double fit(double numerator, double denominator) {
    if (isZero(numerator)) {
      return 0.0;
    }
    if (isZero(denominator)) {
      return numerator > 0.0 ? MAX_CONTROL : MIN_CONTROL;
    }
    return numerator / denominator;
  }

  /**
   * The smallest control parameter that keeps the interpolant monotone (Delbourgo-Gregory eq. 3.8)
   * and convex or concave (eq. 3.18) when the end slopes dl, dr and the secant slope allow it.
   */
  private static double minimumControl(double dl, double dr, double secant, boolean preferShape) {
    boolean monotone = dl * secant >= 0.0 && dr * secant >= 0.0;
    boolean convex = dl <= secant && secant <= dr;
    boolean concave = dl >= secant && secant >= dr;
    if (!monotone && !convex && !concave) {
      return MIN_CONTROL;
    }
    double rMonotone = -Double.MAX_VALUE;
    double rConvex = -Double.MAX_VALUE;
    if (monotone) {
      if (!isZero(secant)) {
        rMonotone = (dr + dl) / secant;
      } else if (preferShape) {
        rMonotone = MAX_CONTROL;
      }
    }
    if (convex || concave) {
      double secantMinusLeft = secant - dl;
      double rightMinusSecant = dr - secant;
      if (!(isZero(secantMinusLeft) || isZero(rightMinusSecant))) {
        double spread = dr - dl;
        rConvex = Math.max(Math.abs(spread / rightMinusSecant), Math.abs(spread / secantMinusLeft));
      } else if (preferShape) {
        rConvex = MAX_CONTROL;
      }
    } else if (monotone && preferShape) {
      rConvex = MAX_CONTROL;
    }
    return Math.max(MIN_CONTROL, Math.max(rMonotone, rConvex));
  }

  private static boolean isZero(double value) {
    return Math.abs(value) < Double.MIN_NORMAL;
  }
}
