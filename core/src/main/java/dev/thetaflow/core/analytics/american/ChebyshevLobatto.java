package dev.thetaflow.core.analytics.american;

/**
 * Polynomial interpolation on the n + 1 Chebyshev–Lobatto nodes z_j = cos(j pi / n) of [-1, 1]: the
 * coefficients of the interpolating Chebyshev series from values at the nodes (a discrete cosine
 * transform) and the series' value anywhere by Clenshaw's recurrence. Immutable after construction.
 */
final class ChebyshevLobatto {

  private final int n;
  private final double[] nodes;
  private final double[] cosines; // (n+1) x (n+1): cos(j k pi / n)

  ChebyshevLobatto(int n) {
    this.n = n;
    nodes = new double[n + 1];
    cosines = new double[(n + 1) * (n + 1)];
    for (int j = 0; j <= n; j++) {
      nodes[j] = Math.cos(j * Math.PI / n);
      for (int k = 0; k <= n; k++) {
        cosines[j * (n + 1) + k] = Math.cos(((long) j * k % (2L * n)) * Math.PI / n);
      }
    }
  }

  /** Node j, from z_0 = 1 down to z_n = -1. */
  double node(int j) {
    return nodes[j];
  }

  /** Writes the n + 1 Chebyshev coefficients of the interpolant of nodeValues. */
  void fit(double[] nodeValues, double[] coefficients) {
    double scale = 2.0 / n;
    for (int j = 0; j <= n; j++) {
      double sum = 0.5 * (nodeValues[0] + nodeValues[n] * cosines[j * (n + 1) + n]);
      for (int k = 1; k < n; k++) {
        sum += nodeValues[k] * cosines[j * (n + 1) + k];
      }
      coefficients[j] = scale * sum;
    }
    coefficients[0] *= 0.5;
    coefficients[n] *= 0.5;
  }

  /** The series with these coefficients at z in [-1, 1]. */
  double evaluate(double[] coefficients, double z) {
    double b1 = 0.0;
    double b2 = 0.0;
    double z2 = 2.0 * z;
    for (int j = n; j >= 1; j--) {
      double t = z2 * b1 - b2 + coefficients[j];
      b2 = b1;
      b1 = t;
    }
    return z * b1 - b2 + coefficients[0];
  }
}
