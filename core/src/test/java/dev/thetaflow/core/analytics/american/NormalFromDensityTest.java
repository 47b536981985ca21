package dev.thetaflow.core.analytics.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.Normal;
import org.junit.jupiter.api.Test;

/** The cdf recovered from a known density against {@link Normal#cdf} (itself checked vs mpmath). */
class NormalFromDensityTest {

  @Test
  void agreesWithNormalCdfToAFewUlpsFromMinus37ToOne() {
    // Below about -37.5 the values are subnormal and carry no relative precision.
    for (double x = -37.0; x <= 10.0; x += 0.001953125) {
      double expected = Normal.cdf(x);
      double actual = NormalFromDensity.cdf(x, Normal.pdf(x));
      assertThat(actual).as("x = %s", x).isCloseTo(expected, within(1e-15 * expected));
    }
  }

  @Test
  void handlesBothSidesOfTheSwitchBetweenErfAndErfcx() {
    for (double x : new double[] {-0.6629126073623883, -0.66291260736238, 0.66291260736239}) {
      assertThat(NormalFromDensity.cdf(x, Normal.pdf(x)))
          .isCloseTo(Normal.cdf(x), within(1e-15 * Normal.cdf(x)));
    }
    assertThat(NormalFromDensity.cdf(-41.0, Normal.pdf(-41.0))).isZero();
    assertThat(NormalFromDensity.cdf(9.5, Normal.pdf(9.5))).isEqualTo(1.0);
  }
}
