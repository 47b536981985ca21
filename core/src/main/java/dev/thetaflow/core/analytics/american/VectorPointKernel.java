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

  private static final double INV_SQRT_2PI = 0.3989422804014326779;
  private static final double HALF_SQRT_2PI = 1.2533141373155002512;
  private static final double SQRT_HALF = 0.7071067811865475244;
  private static final double INV_SQRT_PI = 0.5641895835477562869;
  private static final double SMALL = 0.6629126073623883; // as NormalFromDensity and Normal.cdf

  VectorPointKernel() {
    if (L < 2 || PAD % L != 0) {
      throw new IllegalStateException("no usable vector species: " + S);
    }
  }

  @Override
  String name() {
    return "vector" + L;
  }

  /** Point-major over chunks of points: each chunk's sum stays in a register over the nodes. */
  @Override
  void interpolate(
      double[] table, int stride, double[] values, int nodes, double[] out, int count) {
    for (int j = 0; j < count; j += L) {
      DoubleVector sum = DoubleVector.zero(S);
      for (int i = 0; i < nodes; i++) {
        sum = sum.add(DoubleVector.fromArray(S, table, i * stride + j).mul(values[i]));
      }
      sum.intoArray(out, j);
    }
  }

  /** Per chunk of columns, both rows' sums stay in registers over the points. */
  @Override
  void accumulateRows(
      double[] table,
      int width,
      double[] cN,
      double[] cD,
      int from,
      int points,
      double[] rowN,
      double[] rowD) {
    for (int i = 0; i < width; i += L) {
      DoubleVector sumN = DoubleVector.zero(S);
      DoubleVector sumD = DoubleVector.zero(S);
      for (int j = from; j < from + points; j++) {
        DoubleVector li = DoubleVector.fromArray(S, table, j * width + i);
        sumN = sumN.add(li.mul(cN[j]));
        sumD = sumD.add(li.mul(cD[j]));
      }
      sumN.intoArray(rowN, i);
      sumD.intoArray(rowD, i);
    }
  }

  /**
   * e^x = 2^k e^r for |x| &lt; 700: k = rint(x / ln 2) sits in the low bits of x / ln 2 + SHIFT.
   */
  @Override
  void exp(double[] x, double[] out, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      if (!v.abs().compare(VectorOperators.LT, EXP_LIMIT).allTrue()) {
        for (int j = i; j < Math.min(i + L, count); j++) {
          out[j] = FastExp.exp(x[j]); // also NaN
        }
        continue;
      }
      DoubleVector shifted = v.fma(INV_LN2, SHIFT);
      DoubleVector k = shifted.sub(SHIFT);
      DoubleVector r = k.mul(-LN2_HI).add(v).add(k.mul(-LN2_LO)); // k LN2_HI is exact
      DoubleVector p = r.mul(1.0 / 6227020800.0).add(1.0 / 479001600.0); // 1/13!, 1/12!
      p = p.mul(r).add(1.0 / 39916800.0);
      p = p.mul(r).add(1.0 / 3628800.0);
      p = p.mul(r).add(1.0 / 362880.0);
      p = p.mul(r).add(1.0 / 40320.0);
      p = p.mul(r).add(1.0 / 5040.0);
      p = p.mul(r).add(1.0 / 720.0);
      p = p.mul(r).add(1.0 / 120.0);
      p = p.mul(r).add(1.0 / 24.0);
      p = p.mul(r).add(1.0 / 6.0);
      p = p.mul(r).add(0.5);
      p = p.mul(r).add(1.0);
      p = p.mul(r).add(1.0);
      LongVector scale = shifted.reinterpretAsLongs().lanewise(LSHL, 52); // (k mod 2^12) << 52
      p.reinterpretAsLongs().add(scale).reinterpretAsDoubles().intoArray(out, i);
    }
  }

  /**
   * The density with the square split exactly, as FastExp.pdf, in three passes over the arrays
   * (exponent, {@link #exp}, correction): every pass stays small enough for C2 to inline all its
   * vector operations (what it does not inline boxes its vectors).
   */
  @Override
  void pdf(double[] x, double[] pdf, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      v.mul(v).mul(-0.5).intoArray(pdf, i);
    }
    exp(pdf, pdf, count);
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      if (!v.abs().compare(VectorOperators.LT, PDF_LIMIT).allTrue()) {
        for (int j = i; j < Math.min(i + L, count); j++) {
          pdf[j] = FastExp.pdf(x[j]); // also NaN
        }
        continue;
      }
      DoubleVector lo = v.fma(v, v.mul(v).neg());
      DoubleVector.fromArray(S, pdf, i)
          .mul(INV_SQRT_2PI)
          .mul(lo.mul(-0.5).add(1.0))
          .intoArray(pdf, i);
    }
  }

  /**
   * In passes over the arrays (density; erfcx in the tails, into cdf; the distribution), for the
   * same reason as {@link #pdf}.
   */
  @Override
  void pdfAndCdf(double[] x, double[] pdf, double[] cdf, int count) {
    pdf(x, pdf, count);
    erfcxPass(x, cdf, count);
    erfcxFarPass(x, cdf, count);
    cdfPass(x, pdf, cdf, count);
  }

  /** erfcx(|x| / sqrt 2) by Cody's second interval (0.46875 to 4), in chunks with a tail lane. */
  private static void erfcxPass(double[] x, double[] out, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      DoubleVector ax = v.abs();
      if (!ax.compare(VectorOperators.GT, SMALL).anyTrue()) {
        continue;
      }
      DoubleVector y = ax.mul(SQRT_HALF);
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
      num.div(den).intoArray(out, i);
    }
  }

  /** Where |x| / sqrt 2 &gt; 4, Cody's third interval replaces erfcx in out. */
  private static void erfcxFarPass(double[] x, double[] out, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector y = DoubleVector.fromArray(S, x, i).abs().mul(SQRT_HALF);
      VectorMask<Double> far = y.compare(VectorOperators.GT, 4.0);
      if (far.anyTrue()) {
        DoubleVector erfcx = DoubleVector.fromArray(S, out, i);
        DoubleVector z = DoubleVector.broadcast(S, 1.0).div(y.mul(y));
        DoubleVector fn = z.mul(1.63153871373020978e-2).add(3.05326634961232344e-1);
        fn = fn.mul(z).add(3.60344899949804439e-1);
        fn = fn.mul(z).add(1.25781726111229246e-1);
        fn = fn.mul(z).add(1.60837851487422766e-2);
        fn = fn.mul(z).add(6.58749161529837803e-4);
        DoubleVector fd = z.add(2.56852019228982242e00);
        fd = fd.mul(z).add(1.87295284992346047e00);
        fd = fd.mul(z).add(5.27905102951428412e-1);
        fd = fd.mul(z).add(6.05183413124413191e-2);
        fd = fd.mul(z).add(2.33520497626869185e-3);
        erfcx.blend(z.mul(fn).div(fd).neg().add(INV_SQRT_PI).div(y), far).intoArray(out, i);
      }
    }
  }

  /**
   * Phi from the density and (in the tails) erfcx in cdf, with NormalFromDensity's branches: Cody's
   * erf on |x| &le; SMALL, the erfcx form beyond.
   */
  private static void cdfPass(double[] x, double[] pdf, double[] cdf, int count) {
    for (int i = 0; i < count; i += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, i);
      DoubleVector ax = v.abs();
      if (!ax.compare(VectorOperators.LT, PDF_LIMIT).allTrue()) {
        for (int j = i; j < Math.min(i + L, count); j++) {
          cdf[j] = NormalFromDensity.cdf(x[j], pdf[j]); // also NaN
        }
        continue;
      }
      VectorMask<Double> tail = ax.compare(VectorOperators.GT, SMALL);
      DoubleVector result = v;
      if (tail.anyTrue()) {
        DoubleVector t =
            DoubleVector.fromArray(S, pdf, i)
                .mul(HALF_SQRT_2PI)
                .mul(DoubleVector.fromArray(S, cdf, i));
        result =
            t.blend(t.neg().add(1.0), v.compare(VectorOperators.GT, 0.0))
                .blend(1.0, v.compare(VectorOperators.GT, 9.0));
      }
      if (!tail.allTrue()) {
        DoubleVector xs = v.mul(SQRT_HALF);
        DoubleVector z = xs.mul(xs);
        DoubleVector num = z.mul(1.85777706184603153e-1).add(3.16112374387056560e00);
        num = num.mul(z).add(1.13864154151050156e02);
        num = num.mul(z).add(3.77485237685302021e02);
        num = num.mul(z).add(3.20937758913846947e03);
        DoubleVector den = z.add(2.36012909523441209e01);
        den = den.mul(z).add(2.44024637934444173e02);
        den = den.mul(z).add(1.28261652607737228e03);
        den = den.mul(z).add(2.84423683343917062e03);
        result = xs.mul(num).div(den).mul(0.5).add(0.5).blend(result, tail);
      }
      result.intoArray(cdf, i);
    }
  }
}
