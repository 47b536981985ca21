package dev.thetaflow.core.analytics.american;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.Normal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastExpTest {

  @Test
  void agreesWithMathExpToAFewUlps() {
    SplittableRandom random = new SplittableRandom(7);
    double worst = 0.0;
    for (int i = 0; i < 2_000_000; i++) {
      // Mostly the range the solver uses (discounts, Gaussian factors), plus the whole domain.
      double x = i % 4 == 0 ? -745.0 + 1454.0 * random.nextDouble() : -60.0 * random.nextDouble();
      double expected = Math.exp(x);
      double error = Math.abs(FastExp.exp(x) - expected) / Math.ulp(expected);
      worst = Math.max(worst, error);
    }
    assertThat(worst).isLessThanOrEqualTo(2.0);
  }

  @Test
  void handlesTheEdges() {
    assertThat(FastExp.exp(0.0)).isEqualTo(1.0);
    assertThat(FastExp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(FastExp.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(FastExp.exp(Double.NaN)).isNaN();
    assertThat(FastExp.exp(-745.5)).isEqualTo(Math.exp(-745.5));
    assertThat(FastExp.exp(709.0)).isEqualTo(Math.exp(709.0));
  }

  @Test
  void densityAgreesWithNormalPdf() {
    double worst = 0.0;
    for (double x = -37.0; x <= 37.0; x += 1e-3) {
      double expected = Normal.pdf(x);
      worst = Math.max(worst, Math.abs(FastExp.pdf(x) - expected) / expected);
    }
    assertThat(worst).isLessThan(1e-15);
    assertThat(FastExp.pdf(45.0)).isEqualTo(0.0);
    assertThat(FastExp.pdf(Double.NaN)).isNaN();
  }
}
