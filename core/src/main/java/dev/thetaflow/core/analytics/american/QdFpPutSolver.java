package dev.thetaflow.core.analytics.american;

/**
 * The Andersen–Lake–Offengelt (2016) solver for a unit-strike American put with a single exercise
 * boundary (r &gt; 0, or r = 0 with q &lt; 0).
 *
 * <p>The boundary B(tau) is carried as H(xi) = ln(B/X)^2 with xi = sqrt(tau) and X = min(1, r/q) (1
 * when q &le; 0), interpolated by a Chebyshev polynomial on n + 1 Chebyshev–Lobatto nodes in xi. It
 * is seeded with Li's QD+ approximation and then solved by Newton's method on ALO's fixed-point
 * system, FP-A (smooth pasting), or FP-B (Kim's value-matching equation) where 2(r-q)/vol^2 &ge; 15
 * and FP-A is unstable. Unlike ALO's Jacobi–Newton step, the Jacobian includes how every node moves
 * the interpolated boundary inside the integrals, so convergence is quadratic.
 *
 * <p>Each integral over u in [0, tau] is split at tau/2 and integrated with l-point Gauss–Legendre
 * in sqrt(tau - u) on the near half and in sqrt(u) on the far half, which removes the square-root
 * behaviour at both ends. The price is the European value plus the early-exercise premium integral,
 * handled the same way with p points per piece (see {@link #premium}).
 *
 * <p>How the solved boundary moves with volatility and with the rate or the yield comes from
 * implicit differentiation of the same system through its Jacobian ({@link #sensitivities}), and
 * {@link #premiumWithSensitivities} turns that into the price's vega and rho without a re-solve.
 *
 * <p>Not thread-safe: one instance per thread (the engine keeps one per thread).
 */
final class QdFpPutSolver {

  private static final double R_FLOOR_FOR_SEED = 1e-4;

  /**
   * Newton also stops once quadratic convergence predicts the remaining error below this fraction
   * of the tolerance: after steps d1 then d2 the error left is about d2^3 / d1^2. This saves the
   * sweep that would only confirm convergence (measured: the worst price errors against QuantLib
   * and against the high-precision scheme do not change).
   */
  private static final double PREDICTED_FRACTION = 1e-2;

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
  private final ChebyshevLobatto cheb; // the interpolation in xi = sqrt(tau)

  // Boundary state.
  private final double[] values; // H at nodes
  private final double[] coef; // Chebyshev coefficients of H
  private final double[] next;
  // Quadrature cache, per node k < n and point j.
  // The Lagrange basis of nodes i < n at each quadrature point, twice: point-major with rows
  // padded to width (for the Jacobian rows) and node-major with stride pointStride (for H at the
  // points); node n needs none, its H is 0.
  private final int width;
  private final int pointStride;
  private final double[] lagrange;
  private final double[] lagrangeByNode;
  private final double[] cN; // per point: d(N integrand)/da / sqrt(H(u)), the Jacobian's weights
  private final double[] cD;
  private final double[] hAt; // H at each quadrature point for the current sweep
  private final DenseLu lu;
  private final double[] residual;
  private final double[] rowN;
  private final double[] rowD;
  private final double[] rootValues;
  private final double[] nodeEr;
  private final double[] nodeEq;
  private final double[] qs;
  private final double[] qsInverse; // 1 / qs, so the sweeps multiply instead of divide
  private final double[] qWeight;
  private final double[] qZ;
  private final double[] qEr;
  private final double[] qEq;
  // Per sweep, for the n * 2l quadrature points and then the n nodes (structure of arrays, so that
  // the kernel evaluates the special functions of all points in one pass): d-, d+, their normal
  // densities and distributions, and sqrt(H) at the points.
  private final PointKernel kernel;
  private final QdPlusBoundary qdPlus;
  private final double[] pDm;
  private final double[] pDp;
  private final double[] pPdfM;
  private final double[] pPdfP;
  private final double[] pCdfM;
  private final double[] pCdfP;
  private final double[] pSqrtH;
  // The market's discount-factor exponents and their exponentials (setMarket).
  private final double[] marketX;
  private final double[] marketExp;
  // The same for the premium integral's points: exponents then e^, d then pdf, cdf.
  private final double[] prX;
  private final double[] prExp;
  private final double[] prD;
  private final double[] prPdf;
  private final double[] prCdf;
  private final double[] prT;
  private final double[] prW;
  private final double[] prZ;
  private final double[] prSqrtH;
  // Sensitivities of the solved boundary (see sensitivities()).
  private final double[] rhsVol; // du/dvol at the nodes, after solving
  private final double[] rhsPar; // du/dθ at the nodes, after solving
  private final double[] dValues;
  private final double[] coefVol; // Chebyshev coefficients of dH/dvol
  private final double[] coefPar; // Chebyshev coefficients of dH/dθ
  private boolean byRate; // θ is the rate (true) or the dividend yield
  private double dLnX; // d ln X / dθ
  private double sensitivityVol = Double.NaN; // the volatility rhsVol was computed at, if current
  private boolean withSensitivities; // premium() also fills out[3..4]

  private double r;
  private double q;
  private double vol;
  private double maturity = Double.NaN; // NaN: no market cached yet
  private double sqrtT;
  private double lnX;
  private double xMax;

  QdFpPutSolver(AmericanScheme scheme) {
    this(scheme, PointKernel.best());
  }

  QdFpPutSolver(AmericanScheme scheme, PointKernel kernel) {
    this.kernel = kernel;
    qdPlus = new QdPlusBoundary(scheme.chebyshevNodes(), kernel);
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
    cheb = new ChebyshevLobatto(n);
    values = new double[n + 1];
    coef = new double[n + 1];
    next = new double[n + 1];
    width = PointKernel.padded(n);
    pointStride = PointKernel.padded(2 * n * l);
    lagrange = new double[2 * n * l * width];
    lagrangeByNode = new double[n * pointStride];
    cN = new double[2 * n * l];
    cD = new double[2 * n * l];
    hAt = new double[pointStride];
    lu = new DenseLu(n);
    rhsVol = new double[n];
    rhsPar = new double[n];
    dValues = new double[n + 1];
    coefVol = new double[n + 1];
    coefPar = new double[n + 1];
    residual = new double[n];
    rowN = new double[width];
    rowD = new double[width];
    rootValues = new double[n];
    nodeEr = new double[n];
    nodeEq = new double[n];
    qs = new double[2 * n * l];
    qsInverse = new double[2 * n * l];
    qWeight = new double[2 * n * l];
    qZ = new double[2 * n * l];
    qEr = new double[2 * n * l];
    qEq = new double[2 * n * l];
    int batch = PointKernel.padded(2 * n * l + n);
    pDm = new double[batch];
    pDp = new double[batch];
    pPdfM = new double[batch];
    pPdfP = new double[batch];
    pCdfM = new double[batch];
    pCdfP = new double[batch];
    pSqrtH = new double[batch];
    marketX = new double[PointKernel.padded(2 * n + 2 * n * l)];
    marketExp = new double[marketX.length];
    int p = scheme.priceOrder();
    int premiumBatch = PointKernel.padded(2 * p);
    prX = new double[premiumBatch];
    prExp = new double[premiumBatch];
    prD = new double[premiumBatch];
    prPdf = new double[premiumBatch];
    prCdf = new double[premiumBatch];
    prT = new double[p];
    prW = new double[p];
    prZ = new double[p];
    prSqrtH = new double[p];
    fillLagrangeTable();
  }

  /** Whether the FP-A system is used (stable) for this market. */
  static boolean usesFpA(double r, double q, double vol) {
    return 2.0 * (r - q) / (vol * vol) < FP_A_MAX_OMEGA;
  }

  /** The boundary's limit at maturity for a unit strike: min(1, r/q) (1 when q &le; 0). */
  static double xMax(double r, double q) {
    return q > 0.0 ? Math.min(1.0, r / q) : 1.0;
  }

  /** Solves the boundary from the QD+ seed. */
  void solve(double rate, double dividendYield, double volatility, double years) {
    setMarket(rate, dividendYield, volatility, years);
    seed();
    iterate(m, tolerance, false);
  }

  /** Li's QD+ boundary at the nodes, the start of Newton's method. */
  private void seed() {
    double seedRate = Math.max(r, R_FLOOR_FOR_SEED);
    double seedMax = xMax(seedRate, q);
    double[] taus = qdPlus.taus();
    double[] drs = qdPlus.discountsR();
    double[] dqs = qdPlus.discountsQ();
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + cheb.node(k));
      double tau = xi * xi;
      taus[k] = tau;
      drs[k] = seedRate == r ? nodeEr[k] : FastExp.exp(-seedRate * tau);
      dqs[k] = nodeEq[k];
    }
    qdPlus.solve(seedRate, q, vol, seedMax, n, next);
    for (int k = 0; k < n; k++) {
      double lnRatio = Math.log(Math.min(next[k], xMax)) - lnX;
      values[k] = lnRatio * lnRatio;
    }
    values[n] = 0.0;
  }

  /**
   * Solves the boundary as {@link #solve} does (to the same result unless warm) and leaves the
   * boundary's sensitivities (see {@link #sensitivities}) taken from the last Newton sweep instead
   * of an extra one. That sweep is one update behind the result, so they are accurate to about that
   * update (e.g. 1e-4 relative): plenty for a Newton step on volatility, not for reported Greeks.
   * With warmStart, Newton starts from the last solved boundary moved along its volatility
   * sensitivity when only the volatility changed since it was computed (the start is then off by
   * the square of the volatility step) instead of from QD+. False if the sensitivities could not be
   * had.
   */
  boolean solveWithSensitivities(
      double rate,
      double dividendYield,
      double volatility,
      double years,
      boolean byRate,
      boolean warmStart) {
    boolean warm =
        warmStart && rate == r && dividendYield == q && years == maturity && sensitivityVol > 0.0;
    double step = volatility - sensitivityVol;
    setMarket(rate, dividendYield, volatility, years);
    if (warm) {
      for (int k = 0; k < n; k++) {
        double u = Math.min(lnX - Math.sqrt(values[k]) + rhsVol[k] * step, lnX);
        values[k] = (lnX - u) * (lnX - u);
      }
    } else {
      seed();
    }
    setParameter(byRate);
    return iterate(m, tolerance, true) && finishSensitivities();
  }

  /**
   * Where each fixed-point quadrature point falls on the interpolation variable depends only on the
   * scheme (positions are fractions of sqrt(T)), so its Lagrange weights are computed once.
   */
  private void fillLagrangeTable() {
    double halfRoot = Math.sqrt(0.5);
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * (1.0 + cheb.node(k));
      double half = 0.5 * halfRoot * xi;
      for (int j = 0; j < 2 * l; j++) {
        int idx = k * 2 * l + j;
        double y = half * (1.0 + fpY[j % l]);
        double xiU = j < l ? Math.sqrt(Math.max(xi * xi - y * y, 0.0)) : y;
        double z = 2.0 * xiU - 1.0;
        qZ[idx] = z;
        double[] basis = new double[n + 1];
        int exact = -1;
        double sum = 0.0;
        for (int i = 0; i <= n; i++) {
          if (z == cheb.node(i)) {
            exact = i;
            break;
          }
          double w = ((i & 1) == 0 ? 1.0 : -1.0) * (i == 0 || i == n ? 0.5 : 1.0);
          basis[i] = w / (z - cheb.node(i));
          sum += basis[i];
        }
        for (int i = 0; i < n; i++) {
          double li = exact >= 0 ? (i == exact ? 1.0 : 0.0) : basis[i] / sum;
          lagrange[idx * width + i] = li;
          lagrangeByNode[i * pointStride + idx] = li;
        }
      }
    }
  }

  private void setMarket(double rate, double dividendYield, double volatility, double years) {
    vol = volatility;
    sensitivityVol = Double.NaN; // the boundary is about to change
    if (rate == r && dividendYield == q && years == maturity) {
      return; // only the volatility moved (vega bumps, implied vol): the caches still hold
    }
    r = rate;
    q = dividendYield;
    maturity = years;
    sqrtT = Math.sqrt(years);
    xMax = xMax(r, q);
    lnX = Math.log(xMax);
    double halfRoot = Math.sqrt(0.5);
    // The exponents of all discount factors first, then their exponentials in one kernel call:
    // e^{-r tau}, e^{-q tau} at the nodes, e^{-r y^2}, e^{-q y^2} at the near points.
    int nl = n * l;
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + cheb.node(k));
      double tau = xi * xi;
      marketX[k] = -r * tau;
      marketX[n + k] = -q * tau;
      double half = 0.5 * halfRoot * xi;
      for (int j = 0; j < l; j++) {
        double y = half * (1.0 + fpY[j]);
        marketX[2 * n + k * l + j] = -r * y * y;
        marketX[2 * n + nl + k * l + j] = -q * y * y;
      }
    }
    kernel.exp(marketX, marketExp, 2 * n + 2 * nl);
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + cheb.node(k));
      double tau = xi * xi;
      nodeEr[k] = marketExp[k];
      nodeEq[k] = marketExp[n + k];
      // Split at u = tau/2: lag tau - u = y^2 on the near side, u = y^2 on the far side, so that
      // neither end of the integrand has a square-root kink.
      double half = 0.5 * halfRoot * xi;
      for (int j = 0; j < l; j++) {
        int near = k * 2 * l + j;
        int far = near + l;
        double y = half * (1.0 + fpY[j]);
        double weight = fpW[j] * half * 2.0 * y;
        // The far point's lag is tau - y^2: its root is the near point's xi(u), and its discount
        // factors are the node's divided by the near point's, which saves half the exponentials.
        double farRoot = Math.sqrt(Math.max(tau - y * y, 0.0));
        double nearEr = marketExp[2 * n + k * l + j];
        double nearEq = marketExp[2 * n + nl + k * l + j];
        qs[near] = y;
        qs[far] = farRoot;
        qsInverse[near] = 1.0 / y;
        qsInverse[far] = 1.0 / farRoot;
        qWeight[near] = weight;
        qWeight[far] = weight;
        qEr[near] = nearEr;
        qEr[far] = nodeEr[k] / nearEr;
        qEq[near] = nearEq;
        qEq[far] = nodeEq[k] / nearEq;
      }
    }
  }

  /**
   * Newton's method on G_k(u) = u_k - ln f_k(u) = 0, u_k = ln B(tau_k), with the full Jacobian: f
   * depends on every node through the interpolated boundary inside the integrals, and those
   * derivatives come at no extra special-function cost. Converges quadratically from QD+.
   */
  private boolean iterate(int iterations, double stopTolerance, boolean trackSensitivities) {
    double previousChange = Double.NaN;
    boolean solved = false;
    for (int it = 0; it < iterations; it++) {
      sweep(trackSensitivities);
      solved = lu.factor() && lu.solve(residual);
      double maxChange = 0.0;
      for (int k = 0; k < n; k++) {
        double u = lnX - Math.sqrt(values[k]);
        double updated = solved ? u + residual[k] : next[k];
        if (!(updated < Double.POSITIVE_INFINITY) || !(updated > -700.0)) {
          updated = next[k];
        }
        updated = Math.min(updated, lnX);
        maxChange = Math.max(maxChange, Math.abs(updated - u));
        double lnRatio = lnX - updated;
        values[k] = lnRatio * lnRatio;
      }
      if (maxChange < stopTolerance
          || maxChange * maxChange * maxChange
              < PREDICTED_FRACTION * stopTolerance * previousChange * previousChange) {
        break;
      }
      previousChange = maxChange;
    }
    cheb.fit(values, coef);
    return solved;
  }

  /**
   * How the solved boundary moves with volatility and with the rate (byRate) or the dividend yield,
   * by implicit differentiation of G(u; vol, r, q) = 0: du/dθ = -J^-1 dG/dθ, with J and dG/dθ
   * evaluated at the solved boundary. {@link #premium} then adds these sensitivities to its
   * derivatives. False if the system is singular there (the caller then falls back).
   */
  boolean sensitivities(boolean byRate) {
    setParameter(byRate);
    sweep(true);
    return lu.factor() && finishSensitivities();
  }

  private void setParameter(boolean rate) {
    byRate = rate;
    dLnX = xMax < 1.0 ? (rate ? 1.0 / r : -1.0 / q) : 0.0;
  }

  /** Solves the factored Jacobian for du/dθ and fits the Chebyshev series of dH/dθ. */
  private boolean finishSensitivities() {
    if (!(lu.solve(rhsVol) && lu.solve(rhsPar))) {
      return false;
    }
    // H_i = (lnX - u_i)^2, so dH_i = 2 sqrt(H_i) (d lnX - du_i); H_n = 0 always.
    for (int i = 0; i < n; i++) {
      dValues[i] = -2.0 * Math.sqrt(values[i]) * rhsVol[i];
    }
    dValues[n] = 0.0;
    cheb.fit(dValues, coefVol);
    for (int i = 0; i < n; i++) {
      dValues[i] = 2.0 * Math.sqrt(values[i]) * (dLnX - rhsPar[i]);
    }
    cheb.fit(dValues, coefPar);
    sensitivityVol = vol;
    return true;
  }

  /**
   * One evaluation of the fixed-point system at the current boundary: the Newton right-hand side -G
   * into residual, the Jacobian dG/du into lu, the plain fixed-point step into next, and, when
   * sensitive, dN/N - dD/D for volatility and the chosen parameter θ into rhsVol and rhsPar (=
   * -dG/dθ, the right-hand sides of the boundary's sensitivities).
   *
   * <p>Every integrand depends on the node values only through a = ln B_k - ln B(u); on the rate
   * and yield through the drift (r - q) t, which enters next to a, through its discount factor and
   * prefactor, and, when X = r/q &lt; 1, through ln X inside the interpolated ln B(u); on
   * volatility through d-/+ (d(d-)/dvol = -d+/vol, d(d+)/dvol = -d-/vol).
   */
  private void sweep(boolean sensitive) {
    double drift = r - q;
    double driftSign = byRate ? 1.0 : -1.0; // d(r - q)/dθ
    boolean useA = usesFpA(r, q, vol);
    int points = 2 * l;
    double[] jacobian = lu.matrix();
    double volInverse = 1.0 / vol;
    for (int i = 0; i < n; i++) {
      rootValues[i] = Math.sqrt(values[i]);
    }
    kernel.interpolate(lagrangeByNode, pointStride, values, n, hAt, n * points);
    for (int idx = 0; idx < n * points; idx++) {
      hAt[idx] = Math.max(hAt[idx], 0.0);
    }
    // d- and d+ at every point, then (the cost of a sweep) their densities and distributions at
    // all points at once, then the sums.
    int count = n * points;
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + cheb.node(k));
      double tau = xi * xi;
      double lnB = lnX - rootValues[k];
      double v = vol * xi;
      double dm = (lnB + drift * tau) / v - 0.5 * v;
      pDm[count + k] = dm;
      pDp[count + k] = dm + v;
      int base = k * points;
      for (int j = 0; j < points; j++) {
        int idx = base + j;
        double s = qs[idx];
        double ss = vol * s;
        double ssInverse = volInverse * qsInverse[idx];
        double sqrtH = Math.sqrt(hAt[idx]);
        double a = lnB - lnX + sqrtH;
        double dmj = (a + drift * (s * s)) * ssInverse - 0.5 * ss;
        pSqrtH[idx] = sqrtH;
        pDm[idx] = dmj;
        pDp[idx] = dmj + ss;
      }
    }
    int total = count + n;
    if (useA) {
      kernel.pdf(pDm, pPdfM, total);
    } else {
      kernel.pdfAndCdf(pDm, pPdfM, pCdfM, total);
    }
    kernel.pdfAndCdf(pDp, pPdfP, pCdfP, total);
    for (int k = 0; k < n; k++) {
      double xi = 0.5 * sqrtT * (1.0 + cheb.node(k));
      double tau = xi * xi;
      double lnB = lnX - rootValues[k];
      double v = vol * xi;
      double dm = pDm[count + k];
      double dp = pDp[count + k];
      double er = nodeEr[k];
      double eq = nodeEq[k];
      double pdfM = pPdfM[count + k];
      double pdfP = pPdfP[count + k];
      double bigN;
      double bigD;
      double directN;
      double directD;
      double volN = 0.0;
      double volD = 0.0;
      if (useA) {
        bigN = er * pdfM / v;
        bigD = eq * (pdfP / v + pCdfP[count + k]);
        directN = -er * dm * pdfM / (v * v);
        directD = eq * (pdfP - dp * pdfP / v) / v;
        if (sensitive) {
          volN = bigN * (dm * dp - 1.0) / vol;
          volD = eq * pdfP / vol * ((dp * dm - 1.0) / v - dm);
        }
      } else {
        bigN = er * pCdfM[count + k];
        bigD = eq * pCdfP[count + k];
        directN = er * pdfM / v;
        directD = eq * pdfP / v;
        if (sensitive) {
          volN = -er * pdfM * dp / vol;
          volD = -eq * pdfP * dm / vol;
        }
      }
      // The drift enters as (u_k + drift tau); the discount e^{-r tau} or e^{-q tau} in front.
      double parN = driftSign * tau * directN - (byRate ? tau * bigN : 0.0);
      double parD = driftSign * tau * directD - (byRate ? 0.0 : tau * bigD);
      int base = k * points;
      // An r = 0 (q = 0) integral vanishes with its prefactor, and so do its derivatives, except
      // the one by r (q) itself: only that needs it evaluated.
      boolean withN = r != 0.0 || (sensitive && byRate);
      boolean withD = q != 0.0 || (sensitive && !byRate);
      for (int j = 0; j < points; j++) {
        int idx = base + j;
        double s = qs[idx];
        double lag = s * s;
        double ss = vol * s;
        double ssInverse = volInverse * qsInverse[idx];
        double sqrtH = pSqrtH[idx];
        double dmj = pDm[idx];
        double dpj = pDp[idx];
        double slopeN = 0.0; // d(integrand)/da for the N and D integrals
        double slopeD = 0.0;
        if (useA) {
          if (withN) {
            double pdf = pPdfM[idx];
            double unit = qWeight[idx] * qEr[idx] * pdf * ssInverse; // the integrand without r
            double term = r * unit;
            bigN += term;
            slopeN = -term * dmj * ssInverse;
            if (sensitive) {
              volN += term * (dmj * dpj - 1.0) / vol;
              parN += driftSign * lag * slopeN + (byRate ? unit * (1.0 - r * lag) : 0.0);
            }
          }
          if (withD) {
            double pdf = pPdfP[idx];
            double unit = qWeight[idx] * qEq[idx] * (pdf * ssInverse + pCdfP[idx]);
            double wq = q * qWeight[idx] * qEq[idx];
            bigD += q * unit;
            slopeD = wq * pdf * (1.0 - dpj * ssInverse) * ssInverse;
            if (sensitive) {
              volD += wq * pdf / vol * ((dpj * dmj - 1.0) / ss - dmj);
              parD += driftSign * lag * slopeD + (byRate ? 0.0 : unit * (1.0 - q * lag));
            }
          }
        } else {
          if (withN) {
            double wr = qWeight[idx] * qEr[idx];
            double pdf = pPdfM[idx];
            double unit = wr * pCdfM[idx];
            bigN += r * unit;
            slopeN = r * wr * pdf * ssInverse;
            if (sensitive) {
              volN -= r * wr * pdf * dpj / vol;
              parN += driftSign * lag * slopeN + (byRate ? unit * (1.0 - r * lag) : 0.0);
            }
          }
          if (withD) {
            double wq = qWeight[idx] * qEq[idx];
            double pdf = pPdfP[idx];
            double unit = wq * pCdfP[idx];
            bigD += q * unit;
            slopeD = q * wq * pdf * ssInverse;
            if (sensitive) {
              volD -= q * wq * pdf * dmj / vol;
              parD += driftSign * lag * slopeD + (byRate ? 0.0 : unit * (1.0 - q * lag));
            }
          }
        }
        directN += slopeN;
        directD += slopeD;
        // a = u_k - ln B(u); d ln B(u) / d u_i = L_i sqrt(H_i) / sqrt(H(u)).
        // rowN, rowD collect sum over points of slope L_i / sqrt(H(u)); times sqrt(H_i) below.
        cN[idx] = 0.0;
        cD[idx] = 0.0;
        if (sqrtH > 1e-150) {
          double sqrtHInverse = 1.0 / sqrtH;
          cN[idx] = -slopeN * sqrtHInverse;
          cD[idx] = -slopeD * sqrtHInverse;
          if (sensitive && dLnX != 0.0) {
            int row = idx * width;
            double weightedRoots = 0.0;
            for (int i = 0; i < n; i++) {
              weightedRoots += lagrange[row + i] * rootValues[i];
            }
            // At fixed nodes, d ln B(u) / d ln X = 1 - sum_i L_i sqrt(H_i) / sqrt(H(u)).
            double da = -(1.0 - weightedRoots / sqrtH) * dLnX;
            parN += slopeN * da;
            parD += slopeD * da;
          }
        }
      }
      kernel.accumulateRows(lagrange, width, cN, cD, base, points, rowN, rowD);
      double lnF = Math.log(bigN / bigD);
      residual[k] = lnF - lnB; // -G_k
      if (sensitive) {
        rhsVol[k] = volN / bigN - volD / bigD;
        rhsPar[k] = parN / bigN - parD / bigD;
      }
      int jr = k * n;
      double nInverse = 1.0 / bigN;
      double dInverse = 1.0 / bigD;
      for (int i = 0; i < n; i++) {
        double dn = rowN[i] * rootValues[i] + (i == k ? directN : 0.0);
        double dd = rowD[i] * rootValues[i] + (i == k ? directD : 0.0);
        jacobian[jr + i] = (i == k ? 1.0 : 0.0) - dn * nInverse + dd * dInverse;
      }
      next[k] = lnF; // the plain fixed-point step, kept as a fallback
    }
  }

  /** The boundary at time to maturity tau, unit strike. */
  double boundary(double tau) {
    double z = 2.0 * Math.sqrt(Math.max(tau, 0.0)) / sqrtT - 1.0;
    return FastExp.exp(lnX - Math.sqrt(Math.max(cheb.evaluate(coef, z), 0.0)));
  }

  /** The boundary today (time to maturity T). */
  double boundaryAtMaturity() {
    return FastExp.exp(lnX - Math.sqrt(Math.max(values[0], 0.0)));
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
    withSensitivities = false;
    integratePremium(x, out);
  }

  /**
   * {@link #premium} into out[0..2], and into out[3] and out[4] its total derivatives by volatility
   * and by the parameter chosen in the last {@link #sensitivities} call, including how the boundary
   * moves with them (which that call must have computed for the current solve).
   */
  void premiumWithSensitivities(double x, double[] out) {
    withSensitivities = true;
    integratePremium(x, out);
  }

  private void integratePremium(double x, double[] out) {
    java.util.Arrays.fill(out, 0, withSensitivities ? 5 : 3, 0.0);
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
    double driftSign = byRate ? 1.0 : -1.0;
    double halfRange = 0.5 * (to - from);
    double value = 0.0;
    double delta = 0.0;
    double gamma = 0.0;
    double byVol = 0.0;
    double byParameter = 0.0;
    int p = priceY.length;
    // Lags, weights and the boundary at every point first; then the discount factors, densities
    // and distributions of all points in two kernel calls; then the sums.
    for (int j = 0; j < p; j++) {
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
      double z = 2.0 * xiU / sqrtT - 1.0;
      double sqrtH = Math.sqrt(Math.max(cheb.evaluate(coef, z), 0.0));
      double a = lnx - lnX + sqrtH;
      double v = vol * Math.sqrt(t);
      double dm = (a + drift * t) / v - 0.5 * v;
      prT[j] = t;
      prW[j] = priceW[j] * halfRange * 2.0 * y;
      prZ[j] = z;
      prSqrtH[j] = sqrtH;
      prX[j] = -r * t;
      prX[p + j] = -q * t;
      prD[j] = -dm; // Phi(-d-) and Phi(-d+); phi is even
      prD[p + j] = -(dm + v);
    }
    kernel.exp(prX, prExp, 2 * p);
    kernel.pdfAndCdf(prD, prPdf, prCdf, 2 * p);
    for (int j = 0; j < p; j++) {
      double t = prT[j];
      double w = prW[j];
      double z = prZ[j];
      double sqrtH = prSqrtH[j];
      double v = vol * Math.sqrt(t);
      double dm = -prD[j];
      double dp = -prD[p + j];
      double discountR = prExp[j];
      double discountQ = prExp[p + j];
      double er = r * discountR;
      double eq = q * discountQ;
      double pdfM = prPdf[j];
      double pdfP = prPdf[p + j];
      double cdfMinusM = prCdf[j];
      double cdfMinusP = prCdf[p + j];
      value += w * (er * cdfMinusM - eq * x * cdfMinusP);
      delta += w * (-er * pdfM / (x * v) - eq * cdfMinusP + eq * pdfP / v);
      gamma += w * (er * pdfM * dp / x - eq * pdfP * dm) / (x * v * v);
      if (withSensitivities) {
        // a = ln x - ln B, ln B = ln X - sqrt(H): da = -d ln X + dH / (2 sqrt(H)).
        double slope = (eq * x * pdfP - er * pdfM) / v; // d(integrand)/da
        double daVol = sqrtH > 1e-150 ? cheb.evaluate(coefVol, z) / (2.0 * sqrtH) : 0.0;
        double daPar = -dLnX + (sqrtH > 1e-150 ? cheb.evaluate(coefPar, z) / (2.0 * sqrtH) : 0.0);
        byVol += w * ((er * pdfM * dp - eq * x * pdfP * dm) / vol + slope * daVol);
        double prefactor =
            byRate
                ? discountR * (1.0 - r * t) * cdfMinusM
                : -x * discountQ * (1.0 - q * t) * cdfMinusP;
        byParameter += w * (slope * (driftSign * t + daPar) + prefactor);
      }
    }
    out[0] += value;
    out[1] += delta;
    out[2] += gamma;
    if (withSensitivities) {
      out[3] += byVol;
      out[4] += byParameter;
    }
  }
}
