package dev.thetaflow.core.analytics;

/**
 * Black implied volatility by P. Jäckel, "Let's Be Rational" (Wilmott, January 2015; revised 2016).
 *
 * <p>The price is normalised to {@code beta = price / sqrt(F K)} of an out-of-the-money call at
 * {@code x = -|ln(F/K)| <= 0} (in-the-money options lose their intrinsic value first; puts map to
 * calls by {@code x -> -x}). The total volatility {@code s = sigma sqrt(T)} then solves {@code b(x,
 * s) = beta} with {@link NormalisedBlack}. Around the inflexion point {@code s_c = sqrt(2|x|)} the
 * beta axis splits into four segments, each with a rational cubic initial guess: in the lowest and
 * the highest segment it interpolates a transformed function ({@code f_lower}, {@code f_upper})
 * whose inverse is closed-form; in the two middle segments it interpolates s itself. From there at
 * most two third-order Householder steps reach machine precision, on an objective that is nearly
 * linear in s: {@code 1/ln(b) - 1/ln(beta)} in the lowest segment, {@code ln((b_max - beta)/(b_max
 * - b))} in the upper part of the highest, {@code b - beta} elsewhere. A bracket kept along the way
 * catches any step that leaves it.
 *
 * <p>Pure static functions, thread-safe; allocates only the result record.
 */
public final class LetsBeRational {

  private static final double EPS = Math.ulp(1.0);
  private static final double SQRT_THREE = 1.7320508075688772935;
  private static final double TWO_PI = 6.2831853071795864769;
  private static final double TWO_PI_OVER_SQRT_27 = 1.2091995761561452337;
  private static final double PI_OVER_SIX = 0.52359877559829887308;
  private static final double SQRT_HALF_PI = 1.2533141373155002512;
  private static final double SQRT_MAX = Math.sqrt(Double.MAX_VALUE);

  /** Two Householder(3) steps reach machine precision from the rational guess (Jäckel). */
  private static final int MAX_ITERATIONS = 2;

  /**
   * A price within this many ulps of the forward/strike scale below intrinsic counts as intrinsic.
   */
  private static final double INTRINSIC_TOLERANCE_ULPS = 8.0;

  /** Codes of {@link #normalisedVolatility} for prices outside the attainable range. */
  private static final double BELOW_INTRINSIC = -1.0;

  private static final double ABOVE_UPPER_BOUND = -2.0;

  private LetsBeRational() {}

  /**
   * The Black (forward) volatility at which an option with the given undiscounted price, forward,
   * strike and time to expiry is fairly priced. Never throws.
   *
   * @param type call or put
   * @param undiscountedPrice option price divided by the discount factor to expiry
   * @param forward forward price of the underlying, &gt; 0
   * @param strike strike, &gt; 0
   * @param years time to expiry in years, &gt;= 0
   * @return the volatility with status OK; or a failure status: INVALID_PRICE (NaN, negative or
   *     infinite price), EXPIRED (years == 0), BELOW_INTRINSIC (price below the forward intrinsic
   *     value by more than a few ulps of max(F, K); an in-the-money price within those few ulps of
   *     intrinsic gives volatility 0, as does a zero price out of the money), ABOVE_UPPER_BOUND
   *     (call price &gt;= F, put price &gt;= K), NOT_CONVERGED (forward, strike or years not finite
   *     and positive)
   */
  public static ImpliedVol blackVolatility(
      OptionType type, double undiscountedPrice, double forward, double strike, double years) {
    if (!(undiscountedPrice >= 0.0) || undiscountedPrice == Double.POSITIVE_INFINITY) {
      return ImpliedVol.failed(IvStatus.INVALID_PRICE);
    }
    if (years == 0.0) {
      return ImpliedVol.failed(IvStatus.EXPIRED);
    }
    if (!(forward > 0.0 && forward < Double.POSITIVE_INFINITY)
        || !(strike > 0.0 && strike < Double.POSITIVE_INFINITY)
        || !(years > 0.0 && years < Double.POSITIVE_INFINITY)) {
      return ImpliedVol.failed(IvStatus.NOT_CONVERGED);
    }
    if (undiscountedPrice >= (type == OptionType.CALL ? forward : strike)) {
      return ImpliedVol.failed(IvStatus.ABOVE_UPPER_BOUND);
    }
    double scale = Math.sqrt(forward) * Math.sqrt(strike);
    return toVolatility(
        normalisedVolatility(type.sign(), undiscountedPrice / scale, Math.log(forward / strike)),
        years);
  }

  /**
   * As {@link #blackVolatility} for a price already normalised by {@code sqrt(F K)} (or, with
   * discounting, by {@code sqrt(S e^{-qT} K e^{-rT})}) and {@code x = ln(F/K)}: lets a caller share
   * x with its pricer so that a round trip sees exactly the same inputs. The price must be finite
   * and non-negative and years &gt; 0.
   */
  static ImpliedVol normalisedBlackVolatility(
      OptionType type, double normalisedPrice, double x, double years) {
    return toVolatility(normalisedVolatility(type.sign(), normalisedPrice, x), years);
  }

  private static ImpliedVol toVolatility(double totalVolatility, double years) {
    if (totalVolatility >= 0.0) {
      return ImpliedVol.ok(totalVolatility / Math.sqrt(years));
    }
    if (totalVolatility == BELOW_INTRINSIC) {
      return ImpliedVol.failed(IvStatus.BELOW_INTRINSIC);
    }
    if (totalVolatility == ABOVE_UPPER_BOUND) {
      return ImpliedVol.failed(IvStatus.ABOVE_UPPER_BOUND);
    }
    return ImpliedVol.failed(IvStatus.NOT_CONVERGED);
  }

  /**
   * The total volatility for a normalised price {@code beta} of a call (theta = 1) or put (theta =
   * -1) at {@code x = ln(F/K)}; {@link #BELOW_INTRINSIC}, {@link #ABOVE_UPPER_BOUND} or NaN when
   * there is none.
   */
  private static double normalisedVolatility(double theta, double beta, double x) {
    double thetaX = theta * x;
    double intrinsic = NormalisedBlack.intrinsic(thetaX);
    // A few ulps of the larger of F and K, in units of sqrt(F K).
    double tolerance = INTRINSIC_TOLERANCE_ULPS * EPS * Math.exp(0.5 * Math.abs(x));
    if (beta < intrinsic - tolerance) {
      return BELOW_INTRINSIC;
    }
    // The bound itself (S e^{-qT} for a call, K e^{-rT} for a put) is rounded on its way here,
    // so a price within a few ulps of it counts as at the bound.
    if (beta >= Math.exp(0.5 * thetaX) * (1.0 - 4.0 * EPS)) {
      return ABOVE_UPPER_BOUND;
    }
    double timeValue = beta - intrinsic;
    // In the money, the time value is a difference of two rounded numbers: within the tolerance
    // it is indistinguishable from zero, and would otherwise map rounding noise to a spurious
    // volatility. Out of the money nothing is subtracted and tiny prices keep their meaning.
    if (timeValue <= 0.0 || (intrinsic > 0.0 && timeValue <= tolerance)) {
      return 0.0;
    }
    double s = totalVolatility(timeValue, -Math.abs(x));
    if (s == Double.POSITIVE_INFINITY) {
      return ABOVE_UPPER_BOUND;
    }
    return s < Double.POSITIVE_INFINITY ? s : Double.NaN;
  }

  /**
   * The total volatility s with {@code b(x, s) == beta} for an out-of-the-money call, {@code x <=
   * 0}. Returns 0 for beta &lt;= 0 (or subnormal), +infinity for beta &gt;= b_max = exp(x/2).
   */
  static double totalVolatility(double beta, double x) {
    if (!(beta >= Double.MIN_NORMAL)) {
      return beta != beta ? Double.NaN : 0.0;
    }
    double bMax = Math.exp(0.5 * x);
    if (beta >= bMax) {
      return Double.POSITIVE_INFINITY;
    }
    double sC = Math.sqrt(-2.0 * x);
    double bC = NormalisedBlack.outOfTheMoney(x, sC);
    double vC = NormalisedBlack.vega(x, sC);
    if (beta < bC) {
      double sL = sC - bC / vC;
      double bL = NormalisedBlack.outOfTheMoney(x, sL);
      if (beta < bL) {
        return lowestSegment(beta, x, sL, bL);
      }
      double vL = NormalisedBlack.vega(x, sL);
      double r =
          RationalCubic.convexControlFittingRight(bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, 0.0, false);
      double s = RationalCubic.interpolate(beta, bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, r);
      return iterateOnPrice(beta, x, s, sL, sC);
    }
    double sH = vC > Double.MIN_NORMAL ? sC + (bMax - bC) / vC : sC;
    double bH = NormalisedBlack.outOfTheMoney(x, sH);
    if (beta <= bH) {
      double vH = NormalisedBlack.vega(x, sH);
      double r =
          RationalCubic.convexControlFittingLeft(bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, 0.0, false);
      double s = RationalCubic.interpolate(beta, bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, r);
      return iterateOnPrice(beta, x, s, sC, sH);
    }
    return highestSegment(beta, x, bMax, sH, bH);
  }

  /**
   * beta below b(s_l): interpolate f_lower(beta), an approximation of b for small s whose inverse
   * is closed-form, then iterate on g(s) = 1/ln(b(s)) - 1/ln(beta).
   */
  private static double lowestSegment(double beta, double x, double sL, double bL) {
    // f_lower(s) = 2 pi |x| / sqrt(27) * Phi(-z)^3 with z = |x| / (sqrt(3) s), and its first two
    // derivatives with respect to b at s_l.
    double ax = -x;
    double z = ax / (SQRT_THREE * sL);
    double y = z * z;
    double s2 = sL * sL;
    double cdf = Normal.cdf(-z);
    double pdf = Normal.pdf(z);
    double fL = TWO_PI_OVER_SQRT_27 * ax * cdf * cdf * cdf;
    double fpL = TWO_PI * y * cdf * cdf * Math.exp(y + 0.125 * s2);
    double fppL =
        PI_OVER_SIX
            * y
            / (s2 * sL)
            * cdf
            * (8.0 * SQRT_THREE * sL * ax + (3.0 * s2 * (s2 - 8.0) - 8.0 * x * x) * cdf / pdf)
            * Math.exp(2.0 * y + 0.25 * s2);
    double r = RationalCubic.convexControlFittingRight(0.0, bL, 0.0, fL, 1.0, fpL, fppL, true);
    double f = RationalCubic.interpolate(beta, 0.0, bL, 0.0, fL, 1.0, fpL, r);
    if (!(f > 0.0)) {
      // Round-off at extreme |x|: quadratic through f(0) = 0 with f'(0) = 1 and f(b_l).
      double t = beta / bL;
      f = (fL * t + bL * (1.0 - t)) * t;
    }
    double s =
        Math.abs(ax / (SQRT_THREE * Normal.inverseCdf(Math.cbrt(f / (TWO_PI_OVER_SQRT_27 * ax)))));
    double sLeft = Double.MIN_NORMAL;
    double sRight = sL;
    double lnBeta = Math.log(beta);
    double ds = Double.MAX_VALUE;
    double dsPrevious = 0.0;
    int reversals = 0;
    for (int i = 0; i < MAX_ITERATIONS && Math.abs(ds) > EPS * s; i++) {
      if (ds * dsPrevious < 0.0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= EPS * s) {
          break;
        }
        reversals = 0;
        ds = 0.0;
      }
      dsPrevious = ds;
      double b = NormalisedBlack.outOfTheMoney(x, s);
      double bp = NormalisedBlack.vega(x, s);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      if (b <= 0.0 || bp <= 0.0) {
        ds = 0.5 * (sLeft + sRight) - s; // underflow: bisect
      } else {
        double lnB = Math.log(b);
        double vegaOverB = bp / b;
        double h = x / s;
        double bHalley = h * h / s - 0.25 * s;
        double bHh3 = bHalley * bHalley - 3.0 * (h / s) * (h / s) - 0.25;
        double twoOverLnB = 2.0 / lnB;
        double newton = (lnBeta - lnB) * lnB / lnBeta / vegaOverB;
        double halley = bHalley - vegaOverB * (1.0 + twoOverLnB);
        double hh3 =
            bHh3
                + 2.0 * vegaOverB * vegaOverB * (1.0 + 3.0 / lnB * (1.0 + 1.0 / lnB))
                - 3.0 * bHalley * vegaOverB * (1.0 + twoOverLnB);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    return s;
  }

  /**
   * beta above b(s_h): interpolate f_upper(beta) = Phi(-s/2), whose inverse is closed-form; iterate
   * on g(s) = ln((b_max - beta)/(b_max - b(s))) when beta is above b_max/2.
   */
  private static double highestSegment(double beta, double x, double bMax, double sH, double bH) {
    double fH = Normal.cdf(-0.5 * sH);
    double fpH;
    double fppH;
    if (x == 0.0) {
      fpH = -0.5;
      fppH = 0.0;
    } else {
      double w = (x / sH) * (x / sH);
      fpH = -0.5 * Math.exp(0.5 * w);
      fppH = SQRT_HALF_PI * Math.exp(w + 0.125 * sH * sH) * w / sH;
    }
    double f = Double.NaN;
    if (fppH > -SQRT_MAX && fppH < SQRT_MAX) {
      double r = RationalCubic.convexControlFittingLeft(bH, bMax, fH, 0.0, fpH, -0.5, fppH, true);
      f = RationalCubic.interpolate(beta, bH, bMax, fH, 0.0, fpH, -0.5, r);
    }
    if (!(f > 0.0)) {
      // Quadratic through f(b_h), f(b_max) = 0 with f'(b_max) = -1/2.
      double span = bMax - bH;
      double t = (beta - bH) / span;
      f = (fH * (1.0 - t) + 0.5 * span * t) * (1.0 - t);
    }
    double s = -2.0 * Normal.inverseCdf(f);
    if (!(beta > 0.5 * bMax)) {
      return iterateOnPrice(beta, x, s, sH, Double.MAX_VALUE);
    }
    double sLeft = sH;
    double sRight = Double.MAX_VALUE;
    double ds = Double.MAX_VALUE;
    double dsPrevious = 0.0;
    int reversals = 0;
    for (int i = 0; i < MAX_ITERATIONS && Math.abs(ds) > EPS * s; i++) {
      if (ds * dsPrevious < 0.0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= EPS * s) {
          break;
        }
        reversals = 0;
        ds = 0.0;
      }
      dsPrevious = ds;
      double b = NormalisedBlack.outOfTheMoney(x, s);
      double bp = NormalisedBlack.vega(x, s);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      if (b >= bMax || bp <= Double.MIN_NORMAL) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else {
        double headroom = bMax - b;
        double g = Math.log((bMax - beta) / headroom);
        double gp = bp / headroom;
        double h = x / s;
        double bHalley = h * h / s - 0.25 * s;
        double bHh3 = bHalley * bHalley - 3.0 * (h / s) * (h / s) - 0.25;
        double newton = -g / gp;
        double halley = bHalley + gp;
        double hh3 = bHh3 + gp * (2.0 * gp + 3.0 * bHalley);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    return s;
  }

  /** Householder(3) on g(s) = b(x, s) - beta, the two middle segments. */
  private static double iterateOnPrice(
      double beta, double x, double s, double sLeft, double sRight) {
    double ds = Double.MAX_VALUE;
    double dsPrevious = 0.0;
    int reversals = 0;
    for (int i = 0; i < MAX_ITERATIONS && Math.abs(ds) > EPS * s; i++) {
      if (ds * dsPrevious < 0.0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= EPS * s) {
          break;
        }
        reversals = 0;
        ds = 0.0;
      }
      dsPrevious = ds;
      double b = NormalisedBlack.outOfTheMoney(x, s);
      double bp = NormalisedBlack.vega(x, s);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      // b''/b' = x^2/s^3 - s/4 and b'''/b' = (b''/b')^2 - 3 (x/s^2)^2 - 1/4.
      double newton = (beta - b) / bp;
      double h = x / s;
      double halley = h * h / s - 0.25 * s;
      double hh3 = halley * halley - 3.0 * (h / s) * (h / s) - 0.25;
      ds = Math.max(-0.5 * s, newton * householderFactor(newton, halley, hh3));
      s += ds;
    }
    return s;
  }

  /** The Householder(3) step is newton times this factor. */
  private static double householderFactor(double newton, double halley, double hh3) {
    return (1.0 + 0.5 * halley * newton) / (1.0 + newton * (halley + hh3 * newton / 6.0));
  }
}
