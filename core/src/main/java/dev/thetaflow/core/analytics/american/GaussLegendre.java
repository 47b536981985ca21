package dev.thetaflow.core.analytics.american;

/** Gauss–Legendre nodes and weights on [-1, 1], computed once by Newton's method. */
final class GaussLegendre {

  final double[] nodes;
  final double[] weights;

  GaussLegendre(int order) {
    if (order < 1) {
      throw new IllegalArgumentException("quadrature order must be >= 1, was " + order);
    }
    nodes = new double[order];
    weights = new double[order];
    for (int i = 0; i < (order + 1) / 2; i++) {
      // Tricomi's initial guess for the i-th root, then Newton on P_n.
      double x = Math.cos(Math.PI * (i + 0.75) / (order + 0.5));
      double dp = 0.0;
      for (int iter = 0; iter < 100; iter++) {
        double p0 = 1.0;
        double p1 = x;
        for (int k = 2; k <= order; k++) {
          double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        if (order == 1) {
          p0 = 1.0;
        }
        dp = order * (x * p1 - p0) / (x * x - 1.0);
        double dx = p1 / dp;
        x -= dx;
        if (Math.abs(dx) < 1e-16) {
          break;
        }
      }
      double w = 2.0 / ((1.0 - x * x) * dp * dp);
      nodes[i] = -x;
      weights[i] = w;
      nodes[order - 1 - i] = x;
      weights[order - 1 - i] = w;
    }
  }
}
