package dev.thetaflow.core.analytics.american;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.ImpliedVol;
import dev.thetaflow.core.analytics.PricingEngine;
import dev.thetaflow.core.analytics.PricingInputs;

/**
 * American options by Crank–Nicolson finite differences on a uniform log-spot grid.
 *
 * <p>The spot sits on the middle node; the grid spans 6 standard deviations plus the drift either
 * side. The payoff is cell-averaged so that a strike between nodes costs no accuracy, and the first
 * two time steps are each replaced by two implicit-Euler half steps (Rannacher) to damp the kink.
 * Early exercise is the linear complementarity problem min(A v - b, v - payoff) = 0, solved exactly
 * at every step by policy (Howard) iteration, so it handles any exercise region, including the two
 * boundaries of a put with q &lt; r &lt; 0. Error is second order in both grid sizes.
 *
 * <p>Slow (milliseconds) and allocating: the fallback for regimes the fixed-point method does not
 * cover and the independent reference in tests. Delta and gamma come from the grid, theta from the
 * Black–Scholes equation, vega and rho from central re-solves. Stateless and thread-safe.
 */
public final class FiniteDifferenceAmericanEngine implements PricingEngine {

  private static final int RANNACHER_STEPS = 2;
  private static final double WIDTH_IN_STD_DEVS = 6.0;

  private final int spaceSteps;
  private final int timeSteps;

  /** A grid fine enough for about 1e-5 relative accuracy: 1000 space by 500 time steps. */
  public FiniteDifferenceAmericanEngine() {
    this(1000, 500);
  }

  /**
   * @param spaceSteps number of log-spot intervals (rounded up to even), at least 20
   * @param timeSteps number of time steps, at least 4
   */
  public FiniteDifferenceAmericanEngine(int spaceSteps, int timeSteps) {
    if (spaceSteps < 20 || timeSteps < 4) {
      throw new IllegalArgumentException(
          "need at least 20 space and 4 time steps, got " + spaceSteps + ", " + timeSteps);
    }
    this.spaceSteps = spaceSteps + (spaceSteps & 1);
    this.timeSteps = timeSteps;
  }

  @Override
  public ExerciseStyle style() {
    return ExerciseStyle.AMERICAN;
  }

  @Override
  public double price(PricingInputs in) {
    return solve(in, in.rate(), in.volatility(), null);
  }

  @Override
  public Greeks greeks(PricingInputs in) {
    double[] out = new double[3];
    double price = solve(in, in.rate(), in.volatility(), out);
    double s = in.spot();
    double sign = in.type().sign();
    double intrinsic = Math.max(sign * (s - in.strike()), 0.0);
    if (in.years() == 0.0) {
      return new Greeks(price, intrinsic > 0.0 ? sign : 0.0, 0.0, 0.0, 0.0, 0.0);
    }
    double delta = out[1];
    double gamma = out[2];
    boolean exercised = price <= intrinsic * (1.0 + 1e-12) && intrinsic > 0.0;
    double theta =
        exercised
            ? 0.0
            : in.rate() * price
                - (in.rate() - in.dividendYield()) * s * delta
                - 0.5 * in.volatility() * in.volatility() * s * s * gamma;
    double vol = in.volatility();
    double hv = Math.max(1e-3 * vol, 1e-4);
    double vega =
        (solve(in, in.rate(), vol + hv, null) - solve(in, in.rate(), Math.max(vol - hv, 0.0), null))
            / (vol + hv - Math.max(vol - hv, 0.0));
    double hr = 1e-4;
    double rho =
        (solve(in, in.rate() + hr, vol, null) - solve(in, in.rate() - hr, vol, null)) / (2 * hr);
    return new Greeks(price, delta, gamma, vega, theta, rho);
  }

  @Override
  public ImpliedVol impliedVolatility(PricingInputs in, double targetPrice) {
    return AmericanImpliedVol.solve(
        in,
        targetPrice,
        (inputs, vol, hv, quick, out) -> {
          out[0] = solve(inputs, inputs.rate(), vol, null);
          double up = solve(inputs, inputs.rate(), vol + hv, null);
          double lo = solve(inputs, inputs.rate(), Math.max(vol - hv, 0.0), null);
          out[1] = (up - lo) / (vol + hv - Math.max(vol - hv, 0.0));
        });
  }

  /**
   * Solves the grid; returns the price at the spot and, when {@code out} is given, writes price,
   * delta and gamma into it.
   */
  private double solve(PricingInputs in, double r, double vol, double[] out) {
    double s0 = in.spot();
    double k = in.strike();
    double q = in.dividendYield();
    double t = in.years();
    double sign = in.type().sign();
    if (t == 0.0 || vol == 0.0) {
      double value =
          t == 0.0
              ? Math.max(sign * (s0 - k), 0.0)
              : (sign < 0
                  ? DeterministicExercise.put(s0, k, r, q, t)
                  : DeterministicExercise.put(k, s0, q, r, t));
      if (out != null) {
        out[0] = value;
        out[1] = value > 0.0 ? sign : 0.0;
        out[2] = 0.0;
      }
      return value;
    }
    int m = spaceSteps;
    int mid = m / 2;
    double mu = r - q - 0.5 * vol * vol;
    double halfWidth = WIDTH_IN_STD_DEVS * vol * Math.sqrt(t) + Math.abs(mu) * t;
    double dx = 2.0 * halfWidth / m;
    double x0 = Math.log(s0) - mid * dx;

    double[] v = new double[m + 1];
    double[] payoff = new double[m + 1];
    for (int i = 0; i <= m; i++) {
      double x = x0 + i * dx;
      payoff[i] = Math.max(sign * (Math.exp(x) - k), 0.0);
      v[i] = cellAverage(sign, k, x - 0.5 * dx, x + 0.5 * dx) / dx;
    }

    double sig2 = vol * vol / (dx * dx);
    double conv = mu / (2.0 * dx);
    double lower = 0.5 * sig2 - conv; // coefficient of v[i-1] in L
    double diag = -sig2 - r;
    double upper = 0.5 * sig2 + conv;

    double[] rhs = new double[m + 1];
    double[] sub = new double[m + 1];
    double[] dia = new double[m + 1];
    double[] sup = new double[m + 1];
    double[] work = new double[m + 1];
    boolean[] exercise = new boolean[m + 1];

    double dt = t / timeSteps;
    double tau = 0.0;
    int implicitHalfSteps = 2 * RANNACHER_STEPS;
    int steps = timeSteps - RANNACHER_STEPS + implicitHalfSteps;
    for (int step = 0; step < steps; step++) {
      boolean implicit = step < implicitHalfSteps;
      double h = implicit ? 0.5 * dt : dt;
      double theta = implicit ? 1.0 : 0.5;
      tau += h;
      double explicitW = (1.0 - theta) * h;
      for (int i = 1; i < m; i++) {
        rhs[i] = v[i] + explicitW * (lower * v[i - 1] + diag * v[i] + upper * v[i + 1]);
      }
      double lo = edgeValue(sign, Math.exp(x0), k, r, q, tau);
      double hi = edgeValue(sign, Math.exp(x0 + m * dx), k, r, q, tau);
      double a = -theta * h * lower;
      double c = 1.0 - theta * h * diag;
      double e = -theta * h * upper;
      solveComplementarity(v, rhs, payoff, a, c, e, lo, hi, sub, dia, sup, work, exercise);
    }
    // The node's payoff is exp(ln S) - K, which can round below the exact intrinsic value.
    double value = Math.max(v[mid], Math.max(sign * (s0 - k), 0.0));
    if (out != null) {
      double dvdx = (v[mid + 1] - v[mid - 1]) / (2.0 * dx);
      double d2vdx2 = (v[mid + 1] - 2.0 * v[mid] + v[mid - 1]) / (dx * dx);
      out[0] = value;
      out[1] = dvdx / s0;
      out[2] = (d2vdx2 - dvdx) / (s0 * s0);
    }
    return value;
  }

  /** Integral of max(sign (e^x - k), 0) over [x1, x2]. */
  private static double cellAverage(double sign, double k, double x1, double x2) {
    double lnK = Math.log(k);
    if (sign > 0) {
      double a = Math.max(x1, lnK);
      return a >= x2 ? 0.0 : (Math.exp(x2) - Math.exp(a)) - k * (x2 - a);
    }
    double b = Math.min(x2, lnK);
    return b <= x1 ? 0.0 : k * (b - x1) - (Math.exp(b) - Math.exp(x1));
  }

  /** Far-field value: the larger of exercising now and holding the forward to maturity. */
  private static double edgeValue(double sign, double s, double k, double r, double q, double tau) {
    double now = sign * (s - k);
    double forward = sign * (s * Math.exp(-q * tau) - k * Math.exp(-r * tau));
    return Math.max(Math.max(now, forward), 0.0);
  }

  /**
   * One implicit step with early exercise: solves min(A v - rhs, v - payoff) = 0 for the
   * tridiagonal A = (a, c, e) with Dirichlet ends, by policy iteration started from the
   * unconstrained solution.
   */
  private static void solveComplementarity(
      double[] v,
      double[] rhs,
      double[] payoff,
      double a,
      double c,
      double e,
      double lo,
      double hi,
      double[] sub,
      double[] dia,
      double[] sup,
      double[] work,
      boolean[] exercise) {
    int m = v.length - 1;
    java.util.Arrays.fill(exercise, false);
    for (int iter = 0; iter < 100; iter++) {
      for (int i = 1; i < m; i++) {
        if (exercise[i]) {
          sub[i] = 0.0;
          dia[i] = 1.0;
          sup[i] = 0.0;
          work[i] = payoff[i];
        } else {
          sub[i] = a;
          dia[i] = c;
          sup[i] = e;
          work[i] = rhs[i];
        }
      }
      // Thomas algorithm with the Dirichlet values folded into the first and last rows.
      work[1] -= sub[1] * lo;
      work[m - 1] -= sup[m - 1] * hi;
      for (int i = 2; i < m; i++) {
        double w = sub[i] / dia[i - 1];
        dia[i] -= w * sup[i - 1];
        work[i] -= w * work[i - 1];
      }
      v[m - 1] = work[m - 1] / dia[m - 1];
      for (int i = m - 2; i >= 1; i--) {
        v[i] = (work[i] - sup[i] * v[i + 1]) / dia[i];
      }
      v[0] = lo;
      v[m] = hi;
      boolean changed = false;
      for (int i = 1; i < m; i++) {
        double residual = a * v[i - 1] + c * v[i] + e * v[i + 1] - rhs[i];
        boolean ex = v[i] - payoff[i] < residual;
        if (ex != exercise[i]) {
          changed = true;
          exercise[i] = ex;
        }
      }
      if (!changed) {
        return;
      }
    }
  }
}
