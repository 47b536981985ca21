package dev.thetaflow.core.analytics.american;

/**
 * Discretisation of the fixed-point method.
 *
 * @param fixedPointOrder l, Gauss–Legendre points in each fixed-point integral
 * @param iterations m, Jacobi–Newton fixed-point steps
 * @param chebyshevNodes n, the boundary is interpolated on n + 1 Chebyshev–Lobatto nodes
 * @param priceOrder p, Gauss–Legendre points in each half of the premium integral
 */
record AmericanScheme(int fixedPointOrder, int iterations, int chebyshevNodes, int priceOrder) {

  AmericanScheme {
    if (fixedPointOrder < 1 || iterations < 1 || chebyshevNodes < 2 || priceOrder < 1) {
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
