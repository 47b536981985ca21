package dev.thetaflow.core.analytics.american;

/**
 * Li's (2005) QD+ approximation of the American put exercise boundary at the boundary's nodes,
 * strike 1. It only seeds the fixed-point iteration, so a few Newton steps suffice.
 *
 * <p>The nodes' Newton iterations are independent and run side by side: every step evaluates the
 * normal densities and distributions of all nodes still moving in one {@link PointKernel} call.
 * Each node starts at the boundary's limit xMax (a start at the neighbouring node's solution, as
 * before, takes 4.2 steps a node instead of 5.4 but makes the nodes sequential).
 *
 * <p>Not thread-safe: one instance per solver.
 */
final class QdPlusBoundary {

  /** The fixed-point steps correct the seed far beyond this; tighter only costs time. */
  private static final double SEED_TOLERANCE = 1e-5;

  private static final int MAX_STEPS = 20;

  private final PointKernel kernel;
  private final double[] s;
  private final double[] dqOverDr;
  private final double[] vInverse;
  private final double[] halfV;
  private final double[] a;
  private final double[] beta;
  private final double[] thetaScale;
  private final double[] driftTerm;
  private final int[] moving;
  private final double[] ratio;
  private final double[] x;
  private final double[] pdf;
  private final double[] cdf;
  private final double[] drs;
  private final double[] dqs;
  private final double[] taus;

  QdPlusBoundary(int nodes, PointKernel kernel) {
    this.kernel = kernel;
    s = new double[nodes];
    dqOverDr = new double[nodes];
    vInverse = new double[nodes];
    halfV = new double[nodes];
    a = new double[nodes];
    beta = new double[nodes];
    thetaScale = new double[nodes];
    driftTerm = new double[nodes];
    moving = new int[nodes];
    ratio = new double[nodes];
    x = new double[PointKernel.padded(2 * nodes)];
    pdf = new double[x.length];
    cdf = new double[x.length];
    drs = new double[nodes];
    dqs = new double[nodes];
    taus = new double[nodes];
  }

  /** Inputs per node, filled by the caller before {@link #solve}: time to maturity tau. */
  double[] taus() {
    return taus;
  }

  /** Inputs per node: e^{-r tau}. */
  double[] discountsR() {
    return drs;
  }

  /** Inputs per node: e^{-q tau}. */
  double[] discountsQ() {
    return dqs;
  }

  /**
   * The QD+ boundary of a unit-strike put at the first count nodes (taus, discountsR, discountsQ),
   * into out.
   *
   * @param r rate, &gt; 0 for a meaningful approximation (callers pass a small positive floor)
   * @param q dividend yield
   * @param vol volatility &gt; 0
   * @param xMax the boundary's limit at tau = 0, min(1, r/q), where every node's Newton starts
   */
  void solve(double r, double q, double vol, double xMax, int count, double[] out) {
    double sigma2 = vol * vol;
    double omega = 2.0 * (r - q) / sigma2;
    for (int k = 0; k < count; k++) {
      double tau = taus[k];
      double dr = drs[k];
      double sqrtTau = Math.sqrt(tau);
      double v = vol * sqrtTau;
      double h = -Math.expm1(-r * tau);
      double root = Math.sqrt((omega - 1.0) * (omega - 1.0) + 8.0 * r / (sigma2 * h));
      double lambda = 0.5 * (-(omega - 1.0) - root);
      double lambdaPrime = 2.0 * r / (sigma2 * h * h * root);
      double den = 2.0 * lambda + omega - 1.0;
      a[k] = 2.0 / (sigma2 * den); // Li's alpha / (r e^{-r tau})
      beta[k] = dr * r * a[k] * (1.0 / h + lambdaPrime / den) - lambda;
      dqOverDr[k] = dqs[k] / dr;
      vInverse[k] = 1.0 / v;
      halfV[k] = 0.5 * v;
      thetaScale[k] = 0.5 * vol / sqrtTau;
      driftTerm[k] = (r - q) / v;
      s[k] = xMax;
      moving[k] = k;
    }
    double xMin = 1e-10 * xMax;
    int live = count;
    for (int step = 0; step < MAX_STEPS && live > 0; step++) {
      for (int c = 0; c < live; c++) {
        int k = moving[c];
        double forwardRatio = s[k] * dqOverDr[k];
        double dp = Math.log(forwardRatio) * vInverse[k] + halfV[k];
        ratio[c] = forwardRatio;
        x[c] = -dp; // phi is even: the density of d+ comes with Phi(-d+)
        x[live + c] = halfV[k] + halfV[k] - dp; // -d-
      }
      kernel.pdfAndCdf(x, pdf, cdf, 2 * live);
      int kept = 0;
      for (int c = 0; c < live; c++) {
        int k = moving[c];
        double sk = s[k];
        double dq = dqs[k];
        double dr = drs[k];
        double dp = -x[c];
        double dm = -x[live + c];
        double pdfDp = pdf[c];
        double cdfMinusDp = cdf[c];
        double cdfMinusDm = cdf[live + c];
        double euro = dr * cdfMinusDm - sk * dq * cdfMinusDp;
        double theta =
            r * dr * cdfMinusDm - q * sk * dq * cdfMinusDp - thetaScale[k] * sk * dq * pdfDp;
        double thetaS = -dq * (pdfDp * (driftTerm[k] - dm / (2.0 * taus[k])) + q * cdfMinusDp);
        double oneMinus = 1.0 - dq * cdfMinusDp;
        double f = oneMinus * sk - beta[k] * (1.0 - sk - euro) + a[k] * theta;
        double fPrime = oneMinus + dq * pdfDp * vInverse[k] + beta[k] * oneMinus + a[k] * thetaS;
        double next = sk - f / fPrime;
        if (!(next > xMin)) {
          next = 0.5 * (sk + xMin);
        }
        if (next > xMax) {
          next = xMax;
        }
        s[k] = next;
        if (!(Math.abs(next - sk) < SEED_TOLERANCE * xMax)) {
          moving[kept++] = k;
        }
      }
      live = kept;
    }
    System.arraycopy(s, 0, out, 0, count);
  }
}
