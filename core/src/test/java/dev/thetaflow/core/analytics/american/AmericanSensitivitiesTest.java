package dev.thetaflow.core.analytics.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytic vega and rho (implicit differentiation of the boundary's fixed-point system) against
 * central differences of the price computed by the same discretisation, so that only the derivative
 * is under test, not the scheme. The engine here always runs its full number of Newton sweeps
 * (tolerance 0): a tolerance-based stop could take a different number of sweeps on either side of a
 * bump and put its stopping noise into the difference.
 */
class AmericanSensitivitiesTest {

  private static final AmericanEngine FULL_SWEEPS =
      new AmericanEngine(
          new AmericanScheme(5, 8, 10, 16, 0.0), new AmericanScheme(8, 8, 16, 24, 0.0));

  /**
   * Cases cover both systems (FP-A, and FP-B where 2(r - q)/vol^2 &ge; 15), the boundary's limit X
   * = r/q &lt; 1 (for a call through the mapped put's rate and yield, so its rho differentiates the
   * put's yield), zero rate and zero yield, short and long maturities, low and high volatility.
   */
  @ParameterizedTest
  @CsvSource({
    "PUT, 100, 100, 1.0, 0.05, 0.02, 0.20",
    "PUT, 100, 110, 0.5, 0.03, 0.06, 0.30", // q > r: X = r/q
    "PUT, 90, 100, 2.0, 0.08, 0.00, 0.10", // FP-B: 2r/vol^2 = 16
    "PUT, 100, 95, 3.0, 0.10, 0.01, 0.06", // FP-B, long
    "PUT, 100, 100, 0.02, 0.04, 0.01, 1.50",
    "PUT, 100, 140, 1.5, 0.00, -0.02, 0.25", // r = 0 with a negative yield
    "CALL, 100, 100, 1.0, 0.05, 0.04, 0.20",
    "CALL, 110, 100, 0.75, 0.02, 0.05, 0.35", // the mapped put has r/q = 5/2: X = 1
    "CALL, 100, 90, 0.5, 0.06, 0.04, 0.25", // the mapped put has q > r: X = r/q
    "CALL, 120, 100, 2.5, 0.01, 0.08, 0.05", // the mapped put in FP-B
    "CALL, 100, 100, 1.0, 0.00, 0.03, 0.40", // zero rate: the mapped put's yield is 0
  })
  void vegaAndRhoMatchDifferencesOfThePrice(
      OptionType type, double s, double k, double t, double r, double q, double vol) {
    PricingInputs in = new PricingInputs(type, s, k, t, r, q, vol);
    Greeks g = FULL_SWEEPS.greeks(in);
    assertThat(g.price()).isCloseTo(FULL_SWEEPS.price(in), within(1e-12 * k));

    double hv = 1e-4 * vol;
    double vega =
        (FULL_SWEEPS.price(in.withVolatility(vol + hv))
                - FULL_SWEEPS.price(in.withVolatility(vol - hv)))
            / (2 * hv);
    assertThat(g.vega()).as("vega").isCloseTo(vega, within(2e-6 * Math.abs(vega) + 1e-9 * k));

    double hr = 1e-5;
    double rho;
    if (r == 0.0) {
      // Below r = 0 another regime (and method) takes over: a one-sided three-point difference.
      rho = (-3 * g.price() + 4 * priceAtRate(in, hr) - priceAtRate(in, 2 * hr)) / (2 * hr);
    } else {
      rho = (priceAtRate(in, r + hr) - priceAtRate(in, r - hr)) / (2 * hr);
    }
    assertThat(g.rho()).as("rho").isCloseTo(rho, within(2e-6 * Math.abs(rho) + 1e-9 * k));
  }

  private static double priceAtRate(PricingInputs in, double rate) {
    return FULL_SWEEPS.price(
        new PricingInputs(
            in.type(),
            in.spot(),
            in.strike(),
            in.years(),
            rate,
            in.dividendYield(),
            in.volatility()));
  }
}
