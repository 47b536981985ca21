package dev.thetaflow.core.analytics.american;

/**
 * exp(x) and the normal density for the fixed-point method's inner loops, where {@link Math#exp} is
 * the largest single cost (two to four calls per quadrature point). Tang's table method: x = (k +
 * j/128) ln 2 + r with |r| &le; ln 2 / 256, e^r by a degree-5 polynomial (truncation below 1e-18),
 * 2^(j/128) from a table and 2^k put into the exponent bits. Within about 2 ulps of {@link
 * Math#exp} (FastExpTest); outside |x| &lt; 700, and for NaN, it defers to {@link Math#exp}. Pure
 * static functions, thread-safe, allocation-free.
 */
final class FastExp {

  private static final int BITS = 7;
  private static final int SIZE = 1 << BITS;
  private static final double SIZE_OVER_LN2 = SIZE / Math.log(2.0);
  // ln 2 / 128 split so that k * HI is exact for |k| < 2^20 (HI has its low 32 bits zero), and LO
  // carries the rest of ln 2 beyond double precision.
  private static final double LN2_HI = 0x1.62e42fefa39efp-1;
  private static final double LN2_LO = 2.319046813846299558e-17; // ln 2 - LN2_HI
  private static final double LN2_OVER_SIZE_HI =
      Double.longBitsToDouble(Double.doubleToRawLongBits(LN2_HI / SIZE) & 0xffffffff00000000L);
  private static final double LN2_OVER_SIZE_LO =
      ((LN2_HI - SIZE * LN2_OVER_SIZE_HI) + LN2_LO) / SIZE;
  private static final double[] TABLE = new double[SIZE]; // 2^(j/128)
  private static final double INV_SQRT_2PI = 0.3989422804014326779;

  static {
    for (int j = 0; j < SIZE; j++) {
      TABLE[j] = Math.pow(2.0, (double) j / SIZE);
    }
  }

  private FastExp() {}

  static double exp(double x) {
    if (!(Math.abs(x) < 700.0)) {
      return Math.exp(x);
    }
    int k = (int) Math.rint(x * SIZE_OVER_LN2);
    double r = Math.fma(-k, LN2_OVER_SIZE_LO, Math.fma(-k, LN2_OVER_SIZE_HI, x));
    double r2 = r * r;
    double p =
        r
            + r2
                * (0.5
                    + r * (1.0 / 6.0)
                    + r2 * (1.0 / 24.0 + r * (1.0 / 120.0) + r2 * (1.0 / 720.0)));
    double t = TABLE[k & (SIZE - 1)];
    double mantissa = Math.fma(t, p, t);
    // 2^(k >> 7) into the exponent: the result stays a normal number for |x| < 700.
    return Double.longBitsToDouble(
        Double.doubleToRawLongBits(mantissa) + ((long) (k >> BITS) << 52));
  }

  /**
   * The normal density, with x*x split exactly as {@code Normal.pdf} does so that the Gaussian
   * factor keeps its relative precision in the tails.
   */
  static double pdf(double x) {
    if (!(Math.abs(x) < 40.0)) {
      return x == x ? 0.0 : x;
    }
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    return INV_SQRT_2PI * exp(-0.5 * hi) * (1.0 - 0.5 * lo);
  }
}
