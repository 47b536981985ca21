package dev.thetaflow.core.analytics.american;

import dev.thetaflow.core.analytics.Normal;

/**
 * The Andersen–Lake–Offengelt (2016) solver for a unit-strike American put with a single exercise
 * boundary (r &gt; 0, or r = 0 with q &lt; 0).
 *
 * <p>The boundary B(tau) is carried as H(xi) = ln(B/X)^2 with xi = sqrt(tau) and X = min(1, r/q),
 * interpolated by a Chebyshev polynomial on n + 1 Chebyshev–Lobatto nodes. It is seeded with QD+
 * and improved by m Jacobi–Newton steps on Kim's fixed-point equation (ALO's FP-B) whose integrals
 * use l-point Gauss–Legendre in s = sqrt(tau - u), which removes their square-root behaviour at u =
 * tau. The price is the European value plus the early-exercise premium integral, split at T/2 and
 * integrated with p-point Gauss–Legendre in sqrt(t) and sqrt(T - t) so that both ends are smooth.
 *
 * <p>Not thread-safe: one instance per thread (the engine keeps one per thread).
 */
final class QdFpPutSolver {

  private static final double R_FLOOR_FOR_SEED = 1e-4;

  /**
   * FP-A (the smooth-pasting form) converges in a few steps but becomes unstable when the drift
   * dominates the variance, 2(r - q)/vol^2 large; there FP-B (value matching) is used.
   */
  private static final double FP_A_MAX_OMEGA = 15.0;

  private final int n;
  private final int l;
  private final int m;
  private final double tolerance;
  private final double[] fpY;
  private final double[] fpW;
  private final double[] priceY;
  private final double[] priceW;
  private final double[] chebCos; // (n+1) x (n+1): cos(j k pi / n)
  private final double[] nodeZ;

  // Boundary state.
  private final double[] values; // H at nodes
  private final double[] coef; // Chebyshev coefficients of H
  private final double[] next;
  private final double[] savedValues;
  // Quadrature cache, per node k < n and point j.
  private final double[] qs;
  private final double[] qWeight;
  private final double[] qZ;
  private final double[] qEr;
  private final double[] qEq;

  private double r;
  private double q;
  private double vol;
  private double maturity;
  private double sqrtT;
  private double lnX;
  private double xMax;

  QdFpPutSolver(AmericanScheme scheme) {
    n = scheme.chebyshevNodes();
    l = scheme.fixedPointOrder();
    m = scheme.iterations();
    tolerance = scheme.tolerance();
    GaussLegendre fp = new GaussLegendre(l);
    GaussLegendre pr = new GaussLegendre(scheme.priceOrder());
    fpY = fp.nodes;
    fpW = fp.weights;
    priceY = pr.nodes;
    priceW = pr.weights;
    chebCos = new double[(n + 1) * (n + 1)];
    nodeZ = new double[n + 1];
    for (int j = 0; j <= n; j++) {
      nodeZ[j] = Math.cos(j * Math.PI / n);
      for (int k = 0; k <= n; k++) {
        chebCos[j * (n + 1) + k] = Math.cos(((long) j * k % (2L * n)) * Math.PI / n);
      }
    }
    values = new double[n + 1];
    coef = new double[n + 1];
    next = new double[n + 1];
    savedValues = new double[n + 1];
    qs = new double[2 * n * l];
    qWeight = new double[2 * n * l];
    qZ = new double[2 * n * l];
    qEr = new double[2 * n * l];
    qEq = new double[2 * n * l];
  }

  /** Whether the FP-A system is used (stable) for this market. */
  static boolean usesFpA(double r, double q, double vol) {
    return 2.0 * (r - q) / (vol * vol) < FP_A_MAX_OMEGA;
  }

  int iterations() {
    return m;
  }

  /** The boundary's limit at maturity for a unit strike: min(1, r/q) (1 when q &le; 0). */
  static double xMax(double r, double q) {
    return q > 0.0 ? Math.min(1.0, r / q) : 1.0;
  }

  /** Solves the boundary from the QD+ seed. */
  void solve(double rate, double dividendYield, double volatility, double years) {
    setMarket(rate, dividendYield, volatility, years);
    double seedRate = Math.max(r, R_FLOOR_FOR_SEED);
    double seedMax = xMax(seedRate, q);
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + nodeZ[k]);
      double b = Math.min(QdPlusBoundary.solve(seedRate, q, vol, xi * xi, seedMax), xMax);
      double lnRatio = Math.log(b) - lnX;
      values[k] = lnRatio * lnRatio;
    }
    values[n] = 0.0;
    iterate(m);
  }

  /** Keeps the current boundary to seed nearby re-solves. */
  void saveBoundary() {
    System.arraycopy(values, 0, savedValues, 0, n + 1);
  }

  /** Re-solves for a nearby market starting from the saved boundary. */
  void resolveFromSaved(
      double rate, double dividendYield, double volatility, double years, int iterations) {
    setMarket(rate, dividendYield, volatility, years);
    System.arraycopy(savedValues, 0, values, 0, n + 1);
    iterate(iterations);
  }

  /** Restores the saved boundary together with its market. */
  void restoreSaved(double rate, double dividendYield, double volatility, double years) {
    setMarket(rate, dividendYield, volatility, years);
    System.arraycopy(savedValues, 0, values, 0, n + 1);
    fitCoefficients();
  }

  private void setMarket(double rate, double dividendYield, double volatility, double years) {
    r = rate;
    q = dividendYield;
    vol = volatility;
    maturity = years;
    sqrtT = Math.sqrt(years);
    xMax = xMax(r, q);
    lnX = Math.log(xMax);
    double halfRoot = Math.sqrt(0.5);
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + nodeZ[k]);
      double tau = xi * xi;
      // Split at u = tau/2: lag tau - u = y^2 on the near side, u = y^2 on the far side, so that
      // neither end of the integrand has a square-root kink.
      double half = 0.5 * halfRoot * xi;
      for (int j = 0; j < 2 * l; j++) {
        int idx = k * 2 * l + j;
        double y = half * (1.0 + fpY[j % l]);
        double lag;
        double xiU;
        if (j < l) {
          lag = y * y;
          xiU = Math.sqrt(Math.max(tau - lag, 0.0));
        } else {
          xiU = y;
          lag = tau - y * y;
        }
        qs[idx] = Math.sqrt(lag);
        qWeight[idx] = fpW[j % l] * half * 2.0 * y;
        qZ[idx] = 2.0 * xiU / sqrtT - 1.0;
        qEr[idx] = Math.exp(-r * lag);
        qEq[idx] = Math.exp(-q * lag);
      }
    }
  }

  private void iterate(int iterations) {
    fitCoefficients();
    double drift = r - q;
    boolean useA = usesFpA(r, q, vol);
    for (int it = 0; it < iterations; it++) {
      double maxChange = 0.0;
      for (int k = 0; k < n; k++) {
        double xi = 0.5 * sqrtT * (1.0 + nodeZ[k]);
        double tau = xi * xi;
        double lnB = lnX - Math.sqrt(values[k]);
        double b = Math.exp(lnB);
        double v = vol * xi;
        double dm = (lnB + drift * tau) / v - 0.5 * v;
        double dp = dm + v;
        double er = Math.exp(-r * tau);
        double eq = Math.exp(-q * tau);
        double f;
        double fPrime;
        if (useA) {
          double pdfM = Normal.pdf(dm);
          double pdfP = Normal.pdf(dp);
          double cdfP = Normal.cdf(dp);
          double num = er * pdfM / v;
          double den = eq * (pdfP / v + cdfP);
          double ni = 0.0;
          double di = 0.0;
          int base = k * 2 * l;
          for (int j = 0; j < 2 * l; j++) {
            int idx = base + j;
            double s = qs[idx];
            double ss = vol * s;
            double hU = chebyshev(qZ[idx]);
            double a = lnB - lnX + Math.sqrt(Math.max(hU, 0.0));
            double dmj = (a + drift * s * s) / ss - 0.5 * ss;
            double dpj = dmj + ss;
            if (r != 0.0) {
              ni += qWeight[idx] * qEr[idx] * Normal.pdf(dmj) / ss;
            }
            if (q != 0.0) {
              di += qWeight[idx] * qEq[idx] * (Normal.pdf(dpj) / ss + Normal.cdf(dpj));
            }
          }
          double bigN = num + r * ni;
          double bigD = den + q * di;
          f = bigN / bigD;
          double numD = -er * pdfM * dm / (b * v * v);
          double denD = eq * (-pdfP * dp / (b * v * v) + pdfP / (b * v));
          fPrime = (numD * bigD - bigN * denD) / (bigD * bigD);
        } else {
          double num = er * Normal.cdf(dm);
          double den = eq * Normal.cdf(dp);
          double numD = er * Normal.pdf(dm) / v;
          double denD = eq * Normal.pdf(dp) / v;
          double ni = 0.0;
          double di = 0.0;
          int base = k * 2 * l;
          for (int j = 0; j < 2 * l; j++) {
            int idx = base + j;
            double s = qs[idx];
            double ss = vol * s;
            double hU = chebyshev(qZ[idx]);
            double a = lnB - lnX + Math.sqrt(Math.max(hU, 0.0));
            double dmj = (a + drift * s * s) / ss - 0.5 * ss;
            double dpj = dmj + ss;
            if (r != 0.0) {
              ni += qWeight[idx] * qEr[idx] * Normal.cdf(dmj);
            }
            if (q != 0.0) {
              di += qWeight[idx] * qEq[idx] * Normal.cdf(dpj);
            }
          }
          double bigN = num + r * ni;
          double bigD = den + q * di;
          f = bigN / bigD;
          // Jacobi–Newton: the derivative of f keeps only the terms outside the integrals, whose
          // dependence on b is largely cancelled by the boundary moving with it near u = tau.
          fPrime = (numD * bigD - bigN * denD) / (b * bigD * bigD);
        }
        double updated = b - (f - b) / (fPrime - 1.0);
        if (!(updated > 0.0) || !(updated < Double.POSITIVE_INFINITY)) {
          updated = f;
        }
        if (!(updated > 0.0)) {
          updated = 0.5 * b;
        }
        updated = Math.min(updated, xMax);
        maxChange = Math.max(maxChange, Math.abs(updated - b));
        double lnRatio = Math.log(updated) - lnX;
        next[k] = lnRatio * lnRatio;
      }
      System.arraycopy(next, 0, values, 0, n);
      fitCoefficients();
      if (maxChange < tolerance * xMax) {
        break;
      }
    }
  }

  /** Chebyshev coefficients from the node values (a discrete cosine transform). */
  private void fitCoefficients() {
    double scale = 2.0 / n;
    for (int j = 0; j <= n; j++) {
      double sum = 0.5 * (values[0] + values[n] * chebCos[j * (n + 1) + n]);
      for (int k = 1; k < n; k++) {
        sum += values[k] * chebCos[j * (n + 1) + k];
      }
      coef[j] = scale * sum;
    }
    coef[0] *= 0.5;
    coef[n] *= 0.5;
  }

  /** H at z in [-1, 1] by Clenshaw's recurrence. */
  private double chebyshev(double z) {
    double b1 = 0.0;
    double b2 = 0.0;
    double z2 = 2.0 * z;
    for (int j = n; j >= 1; j--) {
      double t = z2 * b1 - b2 + coef[j];
      b2 = b1;
      b1 = t;
    }
    return z * b1 - b2 + coef[0];
  }

  /** The boundary at time to maturity tau, unit strike. */
  double boundary(double tau) {
    double z = 2.0 * Math.sqrt(Math.max(tau, 0.0)) / sqrtT - 1.0;
    return Math.exp(lnX - Math.sqrt(Math.max(chebyshev(z), 0.0)));
  }

  /** The boundary today (time to maturity T). */
  double boundaryAtMaturity() {
    return Math.exp(lnX - Math.sqrt(Math.max(values[0], 0.0)));
  }

  /**
   * The early-exercise premium of a unit-strike put at spot x and its first two spot derivatives,
   * written into out[0..2], for the solved boundary.
   *
   * <p>The integral over the lag t in [0, T] is split at T/2: t = z^2 on the near half, T - t = w^2
   * on the far half. Close to the boundary the near-half integrand switches on at z ~ ln(x/B) /
   * vol, so there the near half is split again at that point.
   */
  void premium(double x, double[] out) {
    out[0] = 0.0;
    out[1] = 0.0;
    out[2] = 0.0;
    double zMax = Math.sqrt(0.5 * maturity);
    double lnx = Math.log(x);
    double distance = lnx - lnX + Math.sqrt(Math.max(values[0], 0.0));
    double zSwitch = 2.0 * distance / vol;
    if (zSwitch > 0.0 && zSwitch < 0.1 * zMax) {
      double zMid = Math.sqrt(zSwitch * zMax);
      premiumPiece(x, lnx, 0.0, zSwitch, true, out);
      premiumPiece(x, lnx, zSwitch, zMid, true, out);
      premiumPiece(x, lnx, zMid, zMax, true, out);
    } else if (zSwitch > 0.0 && zSwitch < 0.5 * zMax) {
      premiumPiece(x, lnx, 0.0, zSwitch, true, out);
      premiumPiece(x, lnx, zSwitch, zMax, true, out);
    } else {
      premiumPiece(x, lnx, 0.0, zMax, true, out);
    }
    premiumPiece(x, lnx, 0.0, zMax, false, out);
  }

  /**
   * Adds the premium integral over y in [from, to] to out, where y = sqrt(t) on the near side and y
   * = sqrt(T - t) on the far side.
   */
  private void premiumPiece(
      double x, double lnx, double from, double to, boolean nearSide, double[] out) {
    double drift = r - q;
    double halfRange = 0.5 * (to - from);
    double value = 0.0;
    double delta = 0.0;
    double gamma = 0.0;
    for (int j = 0; j < priceY.length; j++) {
      double y = from + halfRange * (1.0 + priceY[j]);
      double t;
      double xiU;
      if (nearSide) {
        t = y * y;
        xiU = Math.sqrt(maturity - t);
      } else {
        xiU = y;
        t = maturity - y * y;
      }
      double w = priceW[j] * halfRange * 2.0 * y;
      double hU = chebyshev(2.0 * xiU / sqrtT - 1.0);
      double a = lnx - lnX + Math.sqrt(Math.max(hU, 0.0));
      double v = vol * Math.sqrt(t);
      double dm = (a + drift * t) / v - 0.5 * v;
      double dp = dm + v;
      double er = r * Math.exp(-r * t);
      double eq = q * Math.exp(-q * t);
      double pdfM = Normal.pdf(dm);
      double pdfP = Normal.pdf(dp);
      double cdfMinusP = Normal.cdf(-dp);
      value += w * (er * Normal.cdf(-dm) - eq * x * cdfMinusP);
      delta += w * (-er * pdfM / (x * v) - eq * cdfMinusP + eq * pdfP / v);
      gamma += w * (er * pdfM * dp / x - eq * pdfP * dm) / (x * v * v);
    }
    out[0] += value;
    out[1] += delta;
    out[2] += gamma;
  }
}
