package dev.thetaflow.core.analytics.american;

/**
 * Li's (2005) QD+ approximation of the American put exercise boundary at one time to maturity,
 * strike 1. It only seeds the fixed-point iteration, so a few Newton steps suffice.
 */
final class QdPlusBoundary {

  /** The fixed-point steps correct the seed far beyond this; tighter only costs time. */
  private static final double SEED_TOLERANCE = 1e-5;

  private QdPlusBoundary() {}

  /**
   * The QD+ boundary for a unit-strike put.
   *
   * @param r rate, &gt; 0 for a meaningful approximation (callers pass a small positive floor)
   * @param q dividend yield
   * @param vol volatility &gt; 0
   * @param tau time to maturity &gt; 0
   * @param dr e^{-r tau}
   * @param dq e^{-q tau}
   * @param xMax the boundary's limit at tau = 0, min(1, r/q)
   * @param start where Newton starts, e.g. the boundary at a nearby tau (at most xMax)
   */
  static double solve(
      double r, double q, double vol, double tau, double dr, double dq, double xMax, double start) {
    double sigma2 = vol * vol;
    double sqrtTau = Math.sqrt(tau);
    double v = vol * sqrtTau;
    double h = -Math.expm1(-r * tau);
    double omega = 2.0 * (r - q) / sigma2;
    double root = Math.sqrt((omega - 1.0) * (omega - 1.0) + 8.0 * r / (sigma2 * h));
    double lambda = 0.5 * (-(omega - 1.0) - root);
    double lambdaPrime = 2.0 * r / (sigma2 * h * h * root);
    double den = 2.0 * lambda + omega - 1.0;
    double a = 2.0 / (sigma2 * den); // Li's alpha / (r e^{-r tau})
    double beta = dr * r * a * (1.0 / h + lambdaPrime / den) - lambda;
    double xMin = 1e-10 * xMax;

    double s = Math.min(start, xMax);
    for (int iter = 0; iter < 20; iter++) {
      double forwardRatio = s * dq / dr;
      double dp = Math.log(forwardRatio) / v + 0.5 * v;
      double dm = dp - v;
      double pdfDp = FastExp.pdf(dp);
      double cdfMinusDp = NormalFromDensity.cdf(-dp, pdfDp);
      // s e^{-q tau} phi(d+) = e^{-r tau} phi(d-): no second exponential.
      double cdfMinusDm = NormalFromDensity.cdf(-dm, pdfDp * forwardRatio);
      double euro = dr * cdfMinusDm - s * dq * cdfMinusDp;
      double theta =
          r * dr * cdfMinusDm - q * s * dq * cdfMinusDp - 0.5 * vol * s / sqrtTau * dq * pdfDp;
      double thetaS = -dq * (pdfDp * ((r - q) / v - dm / (2.0 * tau)) + q * cdfMinusDp);
      double oneMinus = 1.0 - dq * cdfMinusDp;
      double f = oneMinus * s - beta * (1.0 - s - euro) + a * theta;
      double fPrime = oneMinus + dq * pdfDp / v + beta * oneMinus + a * thetaS;
      double next = s - f / fPrime;
      if (!(next > xMin)) {
        next = 0.5 * (s + xMin);
      }
      if (next > xMax) {
        next = xMax;
      }
      boolean done = Math.abs(next - s) < SEED_TOLERANCE * xMax;
      s = next;
      if (done) {
        break;
      }
    }
    return s;
  }
}
