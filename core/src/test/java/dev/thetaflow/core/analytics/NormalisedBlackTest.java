package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The normalised Black function in all four regions against 50-digit mpmath values. */
class NormalisedBlackTest {

  @Test
  void matchesHighPrecisionValuesInRelativeTerms() {
    double worst = 0.0;
    String worstCase = "";
    int count = 0;
    for (ReferenceCsv.Row row :
        ReferenceCsv.read("/dev/thetaflow/core/analytics/black-reference.csv")) {
      double x = row.number("x");
      double s = row.number("s");
      double expected = row.number("b");
      double error = ErrorTally.relativeError(NormalisedBlack.call(x, s), expected);
      // b is a function of x with sensitivity |db/dx| / b ~ |h| + 1/2: the rounding of x alone
      // (and of h = x/s) justifies an error of that many ulps, so scale the bound with it.
      double conditioning = 1.0 + Math.abs(x / s) * (1.0 + Math.abs(x / s));
      double scaled = error / conditioning;
      if (scaled > worst) {
        worst = scaled;
        worstCase = "x=" + x + " s=" + s + " error=" + error;
      }
      count++;
    }
    assertThat(count).isGreaterThan(300);
    assertThat(worst).as(worstCase).isLessThan(4e-15);
  }

  @Test
  void putCallSymmetryAndLimits() {
    assertThat(NormalisedBlack.call(-0.3, 0.0)).isEqualTo(0.0);
    assertThat(NormalisedBlack.call(0.3, 0.0)).isEqualTo(NormalisedBlack.intrinsic(0.3));
    assertThat(NormalisedBlack.call(-0.3, Double.POSITIVE_INFINITY)).isEqualTo(Math.exp(-0.15));
    assertThat(NormalisedBlack.call(-5.0, 1e-9)).isEqualTo(0.0);
  }
}
