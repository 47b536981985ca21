package dev.thetaflow.core.analytics.american;

import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PointKernel} on the Vector API (jdk.incubator.vector, JDK 17): eight points per
 * instruction with AVX-512. Only loaded by {@link PointKernel#best()} when the module is present.
 *
 * <p>e^x is evaluated as 2^k e^r, k = rint(x / ln 2), |r| &le; ln 2 / 2, e^r by its degree-13
 * Taylor polynomial (truncation below 1e-17), 2^k added to the exponent bits: within about an ulp
 * of {@link FastExp#exp}, which the scalar kernel uses. The normal distribution takes the same
 * branches as {@link NormalFromDensity#cdf} (Cody's erf on the centre, his two erfcx intervals in
 * the tails) by evaluating each piece some lane needs and blending. A chunk of points where some
 * argument is out of the polynomial's range (|x| &ge; 700, a density argument |x| &ge; 37.4, NaN)
 * is left to the scalar functions, so the values agree with the scalar kernel's to a few ulps.
 */
final class VectorPointKernel extends PointKernel {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static final double INV_LN2 = 1.4426950408889634074;
  private static final double LN2_HI = 6.93147180369123816490e-01; // low 32 bits zero
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double SHIFT = 0x1.8p52; // x + SHIFT rounds x to an integer in the low bits
  private static final double EXP_LIMIT = 700.0;
  private static final double PDF_LIMIT = 37.4; // 0.5 x^2 < 700
  private static final double[] EXP_TAYLOR = new double[14]; // 1/i!

  private static final double INV_SQRT_2PI = 0.3989422804014326779;
  private static final double HALF_SQRT_2PI = 1.2533141373155002512;
  private static final double SQRT_HALF = 0.7071067811865475244;
  private static final double INV_SQRT_PI = 0.5641895835477562869;
  private static final double SMALL = 0.6629126073623883; // as NormalFromDensity and Normal.cdf

  static {
    double f = 1.0;
    for (int i = 0; i < EXP_TAYLOR.length; i++) {
      f = i == 0 ? 1.0 : f * i;
      EXP_TAYLOR[i] = 1.0 / f;
    }
  }

  VectorPointKernel() {
    if (L < 2 || PAD % L != 0) {
      throw new IllegalStateException("no usable vector species: " + S);
    }
  }

  @Override
  String name() {
    return "vector" + L;
  }

  @Override
  void exp(double[] x, double[] out, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      if (outside(v, EXP_LIMIT, i, count)) {
        for (int j = i; j < Math.min(i + L, count); j++) {
          out[j] = FastExp.exp(x[j]);
        }
      } else {
        exp(v).intoArray(out, i);
      }
    }
  }

  @Override
  void pdf(double[] x, double[] pdf, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      if (outside(v, PDF_LIMIT, i, count)) {
        for (int j = i; j < Math.min(i + L, count); j++) {
          pdf[j] = FastExp.pdf(x[j]);
        }
      } else {
        pdf(v).intoArray(pdf, i);
      }
    }
  }

  @Override
  void pdfAndCdf(double[] x, double[] pdf, double[] cdf, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      if (outside(v, PDF_LIMIT, i, count)) {
        for (int j = i; j < Math.min(i + L, count); j++) {
          double p = FastExp.pdf(x[j]);
          pdf[j] = p;
          cdf[j] = NormalFromDensity.cdf(x[j], p);
        }
      } else {
        DoubleVector p = pdf(v);
        p.intoArray(pdf, i);
        cdf(v, p).intoArray(cdf, i);
      }
    }
  }

  /** Whether a lane below count has |x| &ge; limit or is NaN. */
  private static boolean outside(DoubleVector v, double limit, int i, int count) {
    VectorMask<Double> inside = v.abs().compare(VectorOperators.LT, limit);
    return !inside.or(S.indexInRange(i, count).not()).allTrue();
  }

  /** e^x for |x| &lt; 700. */
  static DoubleVector exp(DoubleVector x) {
    DoubleVector shifted = x.fma(INV_LN2, SHIFT); // k in the low mantissa bits
    DoubleVector k = shifted.sub(SHIFT);
    DoubleVector r =
        k.fma(DoubleVector.broadcast(S, -LN2_HI), x).add(k.mul(-LN2_LO)); // k LN2_HI is exact
    DoubleVector p = DoubleVector.broadcast(S, EXP_TAYLOR[13]);
    for (int i = 12; i >= 0; i--) {
      p = p.fma(r, DoubleVector.broadcast(S, EXP_TAYLOR[i]));
    }
    LongVector scale = shifted.reinterpretAsLongs().lanewise(LSHL, 52); // (k mod 2^12) << 52
    return p.reinterpretAsLongs().add(scale).reinterpretAsDoubles();
  }

  /** The normal density with the square split exactly, as {@link FastExp#pdf}; |x| &lt; 37.4. */
  static DoubleVector pdf(DoubleVector x) {
    DoubleVector hi = x.mul(x);
    DoubleVector lo = x.fma(x, hi.neg());
    return exp(hi.mul(-0.5)).mul(INV_SQRT_2PI).mul(lo.mul(-0.5).add(1.0));
  }

  /** Phi(x) given its density, as {@link NormalFromDensity#cdf}; |x| &lt; 37.4. */
  static DoubleVector cdf(DoubleVector x, DoubleVector pdf) {
    DoubleVector ax = x.abs();
    VectorMask<Double> centre = ax.compare(VectorOperators.LE, SMALL);
    DoubleVector result = DoubleVector.zero(S);
    if (centre.anyTrue()) {
      result = result.blend(erfSmall(x.mul(SQRT_HALF)).mul(0.5).add(0.5), centre);
    }
    if (!centre.allTrue()) {
      DoubleVector y = ax.mul(SQRT_HALF);
      VectorMask<Double> tail = centre.not();
      VectorMask<Double> near = y.compare(VectorOperators.LE, 4.0);
      DoubleVector erfcx = DoubleVector.zero(S);
      if (tail.and(near).anyTrue()) {
        erfcx = erfcxNear(y);
      }
      VectorMask<Double> far = tail.andNot(near);
      if (far.anyTrue()) {
        erfcx = erfcx.blend(erfcxFar(y), far);
      }
      DoubleVector e = pdf.mul(HALF_SQRT_2PI).mul(erfcx);
      DoubleVector tails =
          e.blend(e.neg().add(1.0), x.compare(VectorOperators.GT, 0.0))
              .blend(1.0, x.compare(VectorOperators.GT, 9.0))
              .blend(0.0, x.compare(VectorOperators.LT, -40.0));
      result = result.blend(tails, tail);
    }
    return result;
  }

  /** erf(x) for |x| &le; 0.46875, Cody's first interval (as {@code Normal}). */
  private static DoubleVector erfSmall(DoubleVector x) {
    DoubleVector z = x.mul(x);
    DoubleVector num = z.mul(1.85777706184603153e-1).add(3.16112374387056560e00);
    num = num.mul(z).add(1.13864154151050156e02);
    num = num.mul(z).add(3.77485237685302021e02);
    num = num.mul(z).add(3.20937758913846947e03);
    DoubleVector den = z.add(2.36012909523441209e01);
    den = den.mul(z).add(2.44024637934444173e02);
    den = den.mul(z).add(1.28261652607737228e03);
    den = den.mul(z).add(2.84423683343917062e03);
    return x.mul(num).div(den);
  }

  /** erfcx(y), 0.46875 &lt; y &le; 4, Cody's second interval. */
  private static DoubleVector erfcxNear(DoubleVector y) {
    DoubleVector num = y.mul(2.15311535474403846e-8).add(5.64188496988670089e-1);
    num = num.mul(y).add(8.88314979438837594e00);
    num = num.mul(y).add(6.61191906371416295e01);
    num = num.mul(y).add(2.98635138197400131e02);
    num = num.mul(y).add(8.81952221241769090e02);
    num = num.mul(y).add(1.71204761263407058e03);
    num = num.mul(y).add(2.05107837782607147e03);
    num = num.mul(y).add(1.23033935479799725e03);
    DoubleVector den = y.add(1.57449261107098347e01);
    den = den.mul(y).add(1.17693950891312499e02);
    den = den.mul(y).add(5.37181101862009858e02);
    den = den.mul(y).add(1.62138957456669019e03);
    den = den.mul(y).add(3.29079923573345963e03);
    den = den.mul(y).add(4.36261909014324716e03);
    den = den.mul(y).add(3.43936767414372164e03);
    den = den.mul(y).add(1.23033935480374942e03);
    return num.div(den);
  }

  /** erfcx(y), y &gt; 4, Cody's third interval. */
  private static DoubleVector erfcxFar(DoubleVector y) {
    DoubleVector z = DoubleVector.broadcast(S, 1.0).div(y.mul(y));
    DoubleVector num = z.mul(1.63153871373020978e-2).add(3.05326634961232344e-1);
    num = num.mul(z).add(3.60344899949804439e-1);
    num = num.mul(z).add(1.25781726111229246e-1);
    num = num.mul(z).add(1.60837851487422766e-2);
    num = num.mul(z).add(6.58749161529837803e-4);
    DoubleVector den = z.add(2.56852019228982242e00);
    den = den.mul(z).add(1.87295284992346047e00);
    den = den.mul(z).add(5.27905102951428412e-1);
    den = den.mul(z).add(6.05183413124413191e-2);
    den = den.mul(z).add(2.33520497626869185e-3);
    return z.mul(num).div(den).neg().add(INV_SQRT_PI).div(y);
  }
}
