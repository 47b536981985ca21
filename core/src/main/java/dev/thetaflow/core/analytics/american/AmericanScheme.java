package dev.thetaflow.core.analytics.american;

/**
 * Discretisation of the fixed-point method.
 *
 * @param fixedPointOrder l, Gauss–Legendre points in each fixed-point integral
 * @param iterations m, the most Newton steps on the fixed-point system
 * @param chebyshevNodes n, the boundary is interpolated on n + 1 Chebyshev–Lobatto nodes
 * @param priceOrder p, Gauss–Legendre points in each piece of the premium integral
 * @param tolerance the iteration stops once no node of the boundary moves by more than this times X
 *     = K min(1, r/q)
 */
record AmericanScheme(
    int fixedPointOrder, int iterations, int chebyshevNodes, int priceOrder, double tolerance) {

  AmericanScheme {
    if (fixedPointOrder < 1
        || iterations < 1
        || chebyshevNodes < 2
        || priceOrder < 1
        || !(tolerance >= 0.0)) {
      throw new IllegalArgumentException(
          "invalid scheme "
              + fixedPointOrder
              + ","
              + iterations
              + ","
              + chebyshevNodes
              + ","
              + priceOrder);
    }
  }
}
