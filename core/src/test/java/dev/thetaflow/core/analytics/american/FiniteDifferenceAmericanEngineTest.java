package dev.thetaflow.core.analytics.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import org.junit.jupiter.api.Test;

/** Tests for {@link FiniteDifferenceAmericanEngine} against published and closed-form values. */
class FiniteDifferenceAmericanEngineTest {

  private static final FiniteDifferenceAmericanEngine GRID = new FiniteDifferenceAmericanEngine();

  /** Table 4 "true values" of Zhao and Li (2019), K 100, vol 0.3, T 1, r 0.04, q 0.02. */
  @Test
  void matchesPublishedPutValues() {
    double[][] rows = {{83.9457, 19.49691}, {102.5315, 9.84354}, {125.2323, 3.83337}};
    for (double[] row : rows) {
      PricingInputs in = new PricingInputs(OptionType.PUT, row[0], 100, 1, 0.04, 0.02, 0.3);
      assertThat(GRID.price(in)).isCloseTo(row[1], within(5e-4));
    }
  }

  @Test
  void equalsBlackScholesWhenEarlyExerciseIsNeverOptimal() {
    // A call without dividends and a put with a negative rate are never exercised early.
    PricingInputs call = new PricingInputs(OptionType.CALL, 42, 40, 0.5, 0.10, 0, 0.2);
    assertThat(GRID.price(call))
        .isCloseTo(BlackScholes.price(OptionType.CALL, 42, 40, 0.5, 0.1, 0, 0.2), within(2e-4));
    PricingInputs put = new PricingInputs(OptionType.PUT, 100, 105, 1, -0.01, 0.01, 0.25);
    assertThat(GRID.price(put))
        .isCloseTo(
            BlackScholes.price(OptionType.PUT, 100, 105, 1, -0.01, 0.01, 0.25), within(5e-4));
  }

  @Test
  void convergesUnderGridRefinement() {
    PricingInputs in = new PricingInputs(OptionType.PUT, 100, 100, 1, 0.05, 0.0, 0.2);
    double coarse = new FiniteDifferenceAmericanEngine(200, 100).price(in);
    double medium = new FiniteDifferenceAmericanEngine(400, 200).price(in);
    double fine = new FiniteDifferenceAmericanEngine(800, 400).price(in);
    // Second order: each halving cuts the change by about four.
    assertThat(Math.abs(fine - medium)).isLessThan(0.4 * Math.abs(medium - coarse));
  }

  @Test
  void greeksAreConsistentWithThePrice() {
    PricingInputs in = new PricingInputs(OptionType.PUT, 100, 100, 1, 0.05, 0.01, 0.25);
    Greeks g = GRID.greeks(in);
    double h = 0.5;
    double up = GRID.price(in.withSpot(100 + h));
    double down = GRID.price(in.withSpot(100 - h));
    assertThat(g.delta()).isCloseTo((up - down) / (2 * h), within(1e-3));
    assertThat(g.vega()).isGreaterThan(0.0);
    assertThat(g.rho()).isLessThan(0.0);
    assertThat(g.theta()).isLessThan(0.0);
  }

  @Test
  void impliedVolatilityRoundTrips() {
    PricingInputs in = new PricingInputs(OptionType.CALL, 100, 95, 0.75, 0.03, 0.05, 0.35);
    double price = GRID.price(in);
    var iv = GRID.impliedVolatility(in.withVolatility(0.1), price);
    assertThat(iv.status()).isEqualTo(IvStatus.OK);
    assertThat(iv.volatility()).isCloseTo(0.35, within(1e-8));
  }
}
