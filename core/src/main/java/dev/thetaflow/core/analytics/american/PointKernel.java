package dev.thetaflow.core.analytics.american;

/**
 * The special functions of the fixed-point method's quadrature points, evaluated for a whole batch
 * of points at once (structure of arrays), so that an implementation can work on several points per
 * instruction. {@link #SCALAR} is plain Java; {@link #best()} is the Vector API implementation
 * ({@code VectorPointKernel}) when the JVM was started with {@code --add-modules
 * jdk.incubator.vector}, and the scalar one otherwise. Both agree to a few ulps per value.
 *
 * <p>Arrays handed to a kernel must be at least {@link #padded}(count) long: an implementation may
 * read and write the padding past count.
 */
abstract class PointKernel {

  /** Arrays are padded to a multiple of this many doubles (a 512-bit vector). */
  static final int PAD = 8;

  /** The plain Java kernel: {@link FastExp} and {@link NormalFromDensity}, one point at a time. */
  static final PointKernel SCALAR = new Scalar();

  private static final PointKernel BEST = load();

  /** The fastest kernel available in this JVM. */
  static PointKernel best() {
    return BEST;
  }

  /** count rounded up to a multiple of {@link #PAD}. */
  static int padded(int count) {
    return (count + PAD - 1) / PAD * PAD;
  }

  /** out[i] = e^x[i], i &lt; count. */
  abstract void exp(double[] x, double[] out, int count);

  /** pdf[i] = phi(x[i]), i &lt; count. */
  abstract void pdf(double[] x, double[] pdf, int count);

  /** pdf[i] = phi(x[i]) and cdf[i] = Phi(x[i]), i &lt; count. */
  abstract void pdfAndCdf(double[] x, double[] pdf, double[] cdf, int count);

  /**
   * out[j] = sum over i &lt; nodes of table[i * stride + j] values[i], j &lt; count, summed in the
   * order of i (the interpolation of the boundary at all quadrature points, the table node-major).
   */
  abstract void interpolate(
      double[] table, int stride, double[] values, int nodes, double[] out, int count);

  /**
   * rowN[i] = sum over points j in [from, from + points) of cN[j] table[j * width + i], and rowD
   * from cD likewise, for i &lt; width (a multiple of {@link #PAD}), summed in the order of j: the
   * Jacobian rows of one node, a points-by-width table (point-major) times the points'
   * coefficients.
   */
  abstract void accumulateRows(
      double[] table,
      int width,
      double[] cN,
      double[] cD,
      int from,
      int points,
      double[] rowN,
      double[] rowD);

  /** A short name for logs and benchmarks. */
  abstract String name();

  /**
   * The vector kernel is only loaded (by name, so that this class never links against the incubator
   * module) when the module is in the boot layer; -Dthetaflow.american.vector=false forces the
   * scalar kernel.
   */
  private static PointKernel load() {
    if (!Boolean.parseBoolean(System.getProperty("thetaflow.american.vector", "true"))
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return SCALAR;
    }
    try {
      return (PointKernel)
          Class.forName(PointKernel.class.getPackageName() + ".VectorPointKernel")
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return SCALAR; // e.g. no usable vector species: the scalar kernel is always correct
    }
  }

  private static final class Scalar extends PointKernel {

    @Override
    void exp(double[] x, double[] out, int count) {
      for (int i = 0; i < count; i++) {
        out[i] = FastExp.exp(x[i]);
      }
    }

    @Override
    void pdf(double[] x, double[] pdf, int count) {
      for (int i = 0; i < count; i++) {
        pdf[i] = FastExp.pdf(x[i]);
      }
    }

    @Override
    void pdfAndCdf(double[] x, double[] pdf, double[] cdf, int count) {
      for (int i = 0; i < count; i++) {
        double p = FastExp.pdf(x[i]);
        pdf[i] = p;
        cdf[i] = NormalFromDensity.cdf(x[i], p);
      }
    }

    @Override
    void interpolate(
        double[] table, int stride, double[] values, int nodes, double[] out, int count) {
      java.util.Arrays.fill(out, 0, count, 0.0);
      for (int i = 0; i < nodes; i++) {
        double value = values[i];
        int base = i * stride;
        for (int j = 0; j < count; j++) {
          out[j] += table[base + j] * value;
        }
      }
    }

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
      java.util.Arrays.fill(rowN, 0, width, 0.0);
      java.util.Arrays.fill(rowD, 0, width, 0.0);
      for (int j = from; j < from + points; j++) {
        double cn = cN[j];
        double cd = cD[j];
        int row = j * width;
        for (int i = 0; i < width; i++) {
          double li = table[row + i];
          rowN[i] += cn * li;
          rowD[i] += cd * li;
        }
      }
    }

    @Override
    String name() {
      return "scalar";
    }
  }
}
