package dev.thetaflow.core.analytics.american;

/**
 * LU factorisation with partial pivoting of a dense n &times; n matrix, kept after factoring so
 * that several right-hand sides (a Newton step and the boundary's sensitivities) share one
 * factorisation. Allocation-free after construction; not thread-safe.
 */
final class DenseLu {

  private final int n;
  private final double[] matrix; // row-major; the factors after factor()
  private final int[] pivot;

  DenseLu(int n) {
    this.n = n;
    this.matrix = new double[n * n];
    this.pivot = new int[n];
  }

  /** The row-major matrix to fill before {@link #factor}. */
  double[] matrix() {
    return matrix;
  }

  /** Factors the matrix in place; false if it is singular to working precision. */
  boolean factor() {
    for (int c = 0; c < n; c++) {
      int best = c;
      double largest = Math.abs(matrix[c * n + c]);
      for (int row = c + 1; row < n; row++) {
        double candidate = Math.abs(matrix[row * n + c]);
        if (candidate > largest) {
          largest = candidate;
          best = row;
        }
      }
      if (!(largest > 1e-300)) {
        return false;
      }
      pivot[c] = best;
      if (best != c) {
        for (int i = 0; i < n; i++) {
          double tmp = matrix[c * n + i];
          matrix[c * n + i] = matrix[best * n + i];
          matrix[best * n + i] = tmp;
        }
      }
      double diagonal = matrix[c * n + c];
      for (int row = c + 1; row < n; row++) {
        double factor = matrix[row * n + c] / diagonal;
        matrix[row * n + c] = factor;
        if (factor != 0.0) {
          for (int i = c + 1; i < n; i++) {
            matrix[row * n + i] -= factor * matrix[c * n + i];
          }
        }
      }
    }
    return true;
  }

  /**
   * Overwrites rhs with the solution x of A x = rhs for the last factored A; false if any component
   * is not finite.
   */
  boolean solve(double[] rhs) {
    // The factors hold rows in their final order, so all interchanges come first.
    for (int c = 0; c < n; c++) {
      int p = pivot[c];
      if (p != c) {
        double tmp = rhs[c];
        rhs[c] = rhs[p];
        rhs[p] = tmp;
      }
    }
    for (int c = 0; c < n; c++) {
      double value = rhs[c];
      for (int row = c + 1; row < n; row++) {
        rhs[row] -= matrix[row * n + c] * value;
      }
    }
    boolean finite = true;
    for (int c = n - 1; c >= 0; c--) {
      double sum = rhs[c];
      for (int i = c + 1; i < n; i++) {
        sum -= matrix[c * n + i] * rhs[i];
      }
      rhs[c] = sum / matrix[c * n + c];
      finite &= Double.isFinite(rhs[c]);
    }
    return finite;
  }
}
