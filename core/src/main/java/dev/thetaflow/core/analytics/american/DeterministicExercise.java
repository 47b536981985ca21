package dev.thetaflow.core.analytics.american;

/**
 * The American value when volatility is zero: the path is deterministic, S(t) = S e^{(r-q)t}, so
 * the holder simply exercises at the best time t in [0, T]. For a put the discounted payoff K
 * e^{-rt} - S e^{-qt} has at most one interior extremum, at t* = ln(rK / (qS)) / (r - q), so the
 * value is the largest of the (non-negative) payoffs at 0, T and t*.
 */
final class DeterministicExercise {

  private DeterministicExercise() {}

  /** Value of a put on spot s with strike k; a call is valued as the put (k, s, q, r). */
  static double put(double s, double k, double r, double q, double t) {
    double best = Math.max(Math.max(k - s, 0.0), k * Math.exp(-r * t) - s * Math.exp(-q * t));
    if (r != q && r * q > 0.0) {
      double tStar = Math.log(r * k / (q * s)) / (r - q);
      if (tStar > 0.0 && tStar < t) {
        best = Math.max(best, k * Math.exp(-r * tStar) - s * Math.exp(-q * tStar));
      }
    }
    return best;
  }
}
