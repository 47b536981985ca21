package dev.thetaflow.core.analytics.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel (surefire runs with --add-modules jdk.incubator.vector) against the scalar
 * one: value by value, and through the engine on the benchmarks' 1,024 seeded options.
 */
class AmericanVectorKernelTest {

  private PointKernel vector;

  @BeforeEach
  void vectorKernel() {
    assumeTrue(
        ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "run with --add-modules jdk.incubator.vector");
    vector = PointKernel.best();
    assertThat(vector.name()).startsWith("vector");
  }

  @Test
  void expAgreesWithTheScalarKernelToAboutAnUlp() {
    int count = PointKernel.padded(20_003);
    double[] x = new double[count];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_003; i++) {
      x[i] = i < 3 ? new double[] {-800.0, 0.0, 710.0}[i] : -720.0 + 1440.0 * random.nextDouble();
    }
    double[] expected = new double[count];
    double[] actual = new double[count];
    PointKernel.SCALAR.exp(x, expected, 20_003);
    vector.exp(x, actual, 20_003);
    for (int i = 0; i < 20_003; i++) {
      assertThat(relative(actual[i], expected[i])).as("x = %s", x[i]).isLessThan(4e-16);
    }
  }

  @Test
  void densityAndDistributionAgreeWithTheScalarKernelToAFewUlps() {
    int n = 20_001;
    int count = PointKernel.padded(n);
    double[] x = new double[count];
    for (int i = 0; i < n; i++) {
      x[i] = -45.0 + 55.0 * i / (n - 1); // both sides of 0.66, 4 sqrt 2, 9, -37.4 and -40
    }
    double[] pdf = new double[count];
    double[] cdf = new double[count];
    double[] pdfOnly = new double[count];
    double[] scalarPdf = new double[count];
    double[] scalarCdf = new double[count];
    PointKernel.SCALAR.pdfAndCdf(x, scalarPdf, scalarCdf, n);
    vector.pdfAndCdf(x, pdf, cdf, n);
    vector.pdf(x, pdfOnly, n);
    for (int i = 0; i < n; i++) {
      assertThat(relative(pdf[i], scalarPdf[i])).as("pdf x = %s", x[i]).isLessThan(1e-15);
      assertThat(pdfOnly[i]).isEqualTo(pdf[i]);
      assertThat(relative(cdf[i], scalarCdf[i])).as("cdf x = %s", x[i]).isLessThan(1e-15);
    }
  }

  @Test
  void interpolationAndJacobianRowsAreTheScalarKernelsSums() {
    // The sums run in the same order in both kernels, so they agree exactly.
    SplittableRandom random = new SplittableRandom(11);
    int nodes = 10;
    int count = 100;
    int stride = PointKernel.padded(count);
    int width = PointKernel.padded(nodes);
    double[] table = new double[Math.max(nodes * stride, count * width)];
    for (int i = 0; i < table.length; i++) {
      table[i] = random.nextDouble() * 2.0 - 1.0;
    }
    double[] values = new double[nodes];
    double[] cN = new double[count];
    double[] cD = new double[count];
    for (int i = 0; i < nodes; i++) {
      values[i] = random.nextDouble();
    }
    for (int j = 0; j < count; j++) {
      cN[j] = random.nextDouble() - 0.5;
      cD[j] = 1e3 * (random.nextDouble() - 0.5);
    }
    double[] expected = new double[stride];
    double[] actual = new double[stride];
    PointKernel.SCALAR.interpolate(table, stride, values, nodes, expected, count);
    vector.interpolate(table, stride, values, nodes, actual, count);
    for (int j = 0; j < count; j++) {
      assertThat(actual[j]).as("point %d", j).isEqualTo(expected[j]);
    }
    double[] rowN = new double[width];
    double[] rowD = new double[width];
    double[] scalarN = new double[width];
    double[] scalarD = new double[width];
    for (int from = 0; from < count; from += 10) {
      PointKernel.SCALAR.accumulateRows(table, width, cN, cD, from, 10, scalarN, scalarD);
      vector.accumulateRows(table, width, cN, cD, from, 10, rowN, rowD);
      assertThat(rowN).containsExactly(scalarN);
      assertThat(rowD).containsExactly(scalarD);
    }
  }

  @Test
  void pricesAndGreeksAgreeWithTheScalarKernelOnTheBenchmarkCases() {
    AmericanEngine scalar =
        new AmericanEngine(
            AmericanEngine.STANDARD, AmericanEngine.STANDARD_HIGH_DRIFT, PointKernel.SCALAR);
    AmericanEngine fast =
        new AmericanEngine(AmericanEngine.STANDARD, AmericanEngine.STANDARD_HIGH_DRIFT, vector);
    double worstPrice = 0.0;
    double worstGreek = 0.0;
    for (PricingInputs in : benchmarkCases()) {
      double scale = Math.max(scalar.price(in), 1e-3 * in.strike());
      worstPrice = Math.max(worstPrice, Math.abs(fast.price(in) - scalar.price(in)) / scale);
      Greeks a = fast.greeks(in);
      Greeks b = scalar.greeks(in);
      worstGreek = Math.max(worstGreek, relative(a.delta(), b.delta()));
      worstGreek = Math.max(worstGreek, relative(a.gamma(), b.gamma()));
      worstGreek = Math.max(worstGreek, relative(a.vega(), b.vega()));
      worstGreek = Math.max(worstGreek, relative(a.theta(), b.theta()));
      worstGreek = Math.max(worstGreek, relative(a.rho(), b.rho()));
    }
    System.out.printf("vector vs scalar kernel: price %.2e, Greeks %.2e%n", worstPrice, worstGreek);
    assertThat(worstPrice).isLessThan(1e-13);
    assertThat(worstGreek).isLessThan(1e-10);
  }

  /** The benchmarks' OptionCases.generate(20261123) (spot 5-5000, 1 day-3 years, ...). */
  private static PricingInputs[] benchmarkCases() {
    SplittableRandom random = new SplittableRandom(20261123L);
    PricingInputs[] cases = new PricingInputs[1024];
    for (int i = 0; i < cases.length; i++) {
      double spot = 5.0 * Math.pow(1000.0, random.nextDouble());
      double strike = spot * (0.5 + random.nextDouble());
      double years = (1.0 + random.nextDouble() * (3 * 365 - 1)) / 365.0;
      double vol = 0.05 + 1.95 * random.nextDouble();
      double rate = -0.01 + 0.11 * random.nextDouble();
      double dividendYield = 0.08 * random.nextDouble();
      OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      cases[i] = new PricingInputs(type, spot, strike, years, rate, dividendYield, vol);
    }
    return cases;
  }

  private static double relative(double a, double b) {
    if (a == b) {
      return 0.0;
    }
    return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
  }
}
