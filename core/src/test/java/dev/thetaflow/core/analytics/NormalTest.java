package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Normal distribution and error functions against 50-digit mpmath values. */
class NormalTest {

  private static final List<ReferenceCsv.Row> TABLE =
      ReferenceCsv.read("/dev/thetaflow/core/analytics/normal-reference.csv");

  /** Largest relative error of one function over the table rows whose x passes the filter. */
  private static double worstError(String function, double minX, double maxX) {
    double worst = 0.0;
    int count = 0;
    for (ReferenceCsv.Row row : TABLE) {
      if (!row.text("function").equals(function)) {
        continue;
      }
      double x = row.number("x");
      if (x < minX || x > maxX) {
        continue;
      }
      double expected = row.number("value");
      double actual =
          switch (function) {
            case "cdf" -> Normal.cdf(x);
            case "pdf" -> Normal.pdf(x);
            case "erfc" -> Normal.erfc(x);
            case "erfcx" -> Normal.erfcx(x);
            case "inverse_cdf" -> Normal.inverseCdf(x);
            default -> throw new IllegalArgumentException(function);
          };
      worst = Math.max(worst, ErrorTally.relativeError(actual, expected));
      count++;
    }
    assertThat(count).as("reference rows for %s in [%s, %s]", function, minX, maxX).isPositive();
    return worst;
  }

  @Test
  void cdfIsAccurateInTheBody() {
    assertThat(worstError("cdf", -5.0, 9.0)).isLessThan(1e-15);
  }

  @Test
  void cdfIsAccurateInTheLowerTail() {
    // Below about -37.5 the values are subnormal and lose relative precision by construction.
    assertThat(worstError("cdf", -37.0, -5.0)).isLessThan(2e-15);
  }

  @Test
  void pdfIsAccurateDownToMinus37() {
    assertThat(worstError("pdf", -37.0, 9.0)).isLessThan(1e-15);
  }

  @Test
  void erfcIsAccurate() {
    assertThat(worstError("erfc", -26.0, 26.0)).isLessThan(1e-15);
  }

  @Test
  void erfcxIsAccurate() {
    assertThat(worstError("erfcx", -26.0, 1e11)).isLessThan(1e-15);
  }

  @Test
  void inverseCdfIsAccurate() {
    assertThat(worstError("inverse_cdf", 1e-300, 1.0)).isLessThan(1e-15);
  }

  @Test
  void specialValues() {
    assertThat(Normal.cdf(0.0)).isEqualTo(0.5);
    assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Normal.cdf(Double.NaN)).isNaN();
    assertThat(Normal.pdf(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.pdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
    assertThat(Normal.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.erfcx(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.erfcx(-30.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Normal.inverseCdf(0.5)).isEqualTo(0.0);
    assertThat(Normal.inverseCdf(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Normal.inverseCdf(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Normal.inverseCdf(1.5)).isNaN();
    assertThat(Normal.inverseCdf(Double.NaN)).isNaN();
  }

  @Test
  void inverseCdfInvertsCdfInTheUpperHalf() {
    // 1 - p is exact above 1/2, so inverseCdf(p) = -inverseCdf(1 - p) must hold to the last bit.
    for (double p = 0.5; p < 1.0; p += 0.0123) {
      assertThat(Normal.inverseCdf(p)).isEqualTo(-Normal.inverseCdf(1.0 - p));
    }
  }
}
