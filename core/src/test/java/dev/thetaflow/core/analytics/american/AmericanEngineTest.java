package dev.thetaflow.core.analytics.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.ImpliedVol;
import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests for {@link AmericanEngine}: published values, an independent finite-difference solver on a
 * fine grid, no-arbitrage bounds, Greeks against differences of the price, and implied-volatility
 * round trips.
 */
class AmericanEngineTest {

  private static final AmericanEngine ENGINE = new AmericanEngine();
  private static final AmericanEngine PRECISE = AmericanEngine.highPrecision();
  private static final FiniteDifferenceAmericanEngine FINE_GRID =
      new FiniteDifferenceAmericanEngine(4000, 2000);

  private static PricingInputs put(double s, double k, double t, double r, double q, double v) {
    return new PricingInputs(OptionType.PUT, s, k, t, r, q, v);
  }

  private static PricingInputs call(double s, double k, double t, double r, double q, double v) {
    return new PricingInputs(OptionType.CALL, s, k, t, r, q, v);
  }

  @Test
  void isAmerican() {
    assertThat(ENGINE.style()).isEqualTo(ExerciseStyle.AMERICAN);
  }

  /**
   * "True values" of Table 4 in Zhao, Li, "A HODIE finite difference scheme for pricing American
   * options", Adv. Difference Equations (2019), 10.1186/s13662-018-1917-z: K = 100, sigma = 0.3, T
   * = 1, r = 0.04, q = 0.02. Printed to 5 decimals; they carry about 1e-4 of error themselves.
   */
  @ParameterizedTest
  @CsvSource({
    "75.9572, 25.32986",
    "83.9457, 19.49691",
    "92.7743, 14.26265",
    "102.5315, 9.84354",
    "113.3148, 6.36558",
    "125.2323, 3.83337",
    "138.4031, 2.13784"
  })
  void matchesPublishedPutValues(double spot, double published) {
    assertThat(ENGINE.price(put(spot, 100, 1, 0.04, 0.02, 0.3))).isCloseTo(published, within(2e-4));
  }

  @ParameterizedTest
  @CsvSource({
    // type, S, K, T, r, q, vol
    "PUT, 100, 100, 1, 0.05, 0, 0.2",
    "PUT, 90, 100, 0.25, 0.08, 0.01, 0.35",
    "PUT, 100, 120, 3, 0.10, 0.02, 0.05",
    "PUT, 100, 80, 2, 0.03, 0.06, 1.5",
    "PUT, 50, 55, 0.1, 0.04, -0.03, 0.3",
    "CALL, 100, 100, 1, 0.03, 0.06, 0.25",
    "CALL, 120, 100, 2, 0.01, 0.08, 0.4",
    "CALL, 100, 100, 1, -0.01, 0, 0.3",
    "CALL, 4000, 3500, 0.5, 0.05, 0.02, 0.8"
  })
  void agreesWithFineFiniteDifferenceGrid(
      OptionType type, double s, double k, double t, double r, double q, double v) {
    PricingInputs in = new PricingInputs(type, s, k, t, r, q, v);
    double reference = FINE_GRID.price(in);
    assertThat(ENGINE.price(in)).isCloseTo(reference, within(2e-5 * k + 1e-4 * reference));
    assertThat(PRECISE.price(in)).isCloseTo(reference, within(2e-5 * k + 1e-4 * reference));
  }

  @Test
  void standardSchemeAgreesWithHighPrecisionScheme() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      PricingInputs in = randomInputs(random);
      double reference = PRECISE.price(in);
      double floor = 1e-4 * Math.min(in.spot(), in.strike());
      assertThat(Math.abs(ENGINE.price(in) - reference) / Math.max(reference, floor))
          .as("%s", in)
          .isLessThan(1e-6);
    }
  }

  @Test
  void isWorthAtLeastTheEuropeanOptionAndIntrinsicValue() {
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      PricingInputs in = randomInputs(random);
      double american = ENGINE.price(in);
      double sign = in.type().sign();
      double european = BlackScholes.price(in);
      double intrinsic = Math.max(sign * (in.spot() - in.strike()), 0.0);
      assertThat(american).as("%s", in).isGreaterThanOrEqualTo(european - 1e-9 * in.strike());
      assertThat(american).as("%s", in).isGreaterThanOrEqualTo(intrinsic);
    }
  }

  @Test
  void equalsEuropeanWhenEarlyExerciseIsNeverOptimal() {
    // Hull's textbook example: S 42, K 40, r 10%, vol 20%, 6 months: call 4.76 (no dividends).
    assertThat(ENGINE.price(call(42, 40, 0.5, 0.10, 0, 0.2))).isCloseTo(4.7594, within(1e-4));
    // Put with r <= 0 and q >= r.
    PricingInputs negativeRatePut = put(100, 110, 1, -0.01, 0.02, 0.3);
    assertThat(ENGINE.price(negativeRatePut))
        .isCloseTo(
            BlackScholes.price(OptionType.PUT, 100, 110, 1, -0.01, 0.02, 0.3), within(1e-12));
  }

  @Test
  void valuesTheDoubleBoundaryPutByFiniteDifferences() {
    PricingInputs in = put(100, 100, 2, -0.01, -0.03, 0.2);
    double value = ENGINE.price(in);
    assertThat(value)
        .isGreaterThan(BlackScholes.price(OptionType.PUT, 100, 100, 2, -0.01, -0.03, 0.2));
    assertThat(value).isCloseTo(FINE_GRID.price(in), within(5e-4));
  }

  @Test
  void handlesExpiryAndZeroVolatility() {
    assertThat(ENGINE.price(put(90, 100, 0, 0.05, 0, 0.2))).isEqualTo(10.0);
    assertThat(ENGINE.price(call(90, 100, 0, 0.05, 0, 0.2))).isEqualTo(0.0);
    // Zero volatility: a put with r > 0 is exercised at once when in the money.
    assertThat(ENGINE.price(put(90, 100, 1, 0.05, 0, 0))).isCloseTo(10.0, within(1e-12));
    // Call, r = 0, q = 5%: the forward falls, so exercise now: 100 - 90.
    assertThat(ENGINE.price(call(100, 90, 1, 0, 0.05, 0))).isCloseTo(10.0, within(1e-12));
    // Put, r = 0, q = 5%: the forward rises... wait for nothing; out of the money stays worthless.
    assertThat(ENGINE.price(put(100, 90, 1, 0.0, 0.05, 0))).isEqualTo(0.0);
    // Put with r = 1%, q = 5%, S 100, K 102: best at the interior time ln(rK/(qS))/(r-q) < 0 so
    // no interior optimum; value is max(2, 102 e^-0.01 - 100 e^-0.05).
    double expected = Math.max(2.0, 102 * Math.exp(-0.01) - 100 * Math.exp(-0.05));
    assertThat(ENGINE.price(put(100, 102, 1, 0.01, 0.05, 0))).isCloseTo(expected, within(1e-12));
  }

  @Test
  void greeksMatchDifferencesOfThePrice() {
    Random random = new Random(11);
    for (int i = 0; i < 40; i++) {
      PricingInputs in = randomInputs(random);
      Greeks g = ENGINE.greeks(in);
      double s = in.spot();
      double price = PRECISE.price(in);
      assertThat(g.price()).isCloseTo(ENGINE.price(in), within(1e-12 * in.strike()));
      double hs = 1e-3 * s * Math.min(1.0, in.volatility() * Math.sqrt(in.years()));
      double up = PRECISE.price(in.withSpot(s + hs));
      double down = PRECISE.price(in.withSpot(s - hs));
      double delta = (up - down) / (2 * hs);
      double gamma = (up - 2 * price + down) / (hs * hs);
      assertThat(g.delta()).as("delta %s", in).isCloseTo(delta, within(1e-5));
      assertThat(g.gamma())
          .as("gamma %s", in)
          .isCloseTo(gamma, within(1e-3 * Math.abs(gamma) + 1e-4 / s));
      double hv = 1e-4;
      double vega =
          (PRECISE.price(in.withVolatility(in.volatility() + hv))
                  - PRECISE.price(in.withVolatility(in.volatility() - hv)))
              / (2 * hv);
      assertThat(g.vega()).as("vega %s", in).isCloseTo(vega, within(1e-4 * (s + in.strike())));
      double hr = 1e-5;
      double rho =
          (PRECISE.price(withRate(in, in.rate() + hr))
                  - PRECISE.price(withRate(in, in.rate() - hr)))
              / (2 * hr);
      assertThat(g.rho()).as("rho %s", in).isCloseTo(rho, within(1e-4 * (s + in.strike())));
      double ht = Math.min(1e-4, 0.1 * in.years());
      double theta =
          (PRECISE.price(withYears(in, in.years() - ht))
                  - PRECISE.price(withYears(in, in.years() + ht)))
              / (2 * ht);
      assertThat(g.theta())
          .as("theta %s", in)
          .isCloseTo(theta, within(1e-3 * Math.abs(theta) + 1e-5 * in.strike()));
    }
  }

  @Test
  void staysFiniteAndAboveIntrinsicAtTheEdgesOfTheRange() {
    double[] years = {1e-6, 1 / 365.0, 3.0};
    double[] vols = {1e-4, 0.05, 2.0};
    double[] rates = {-0.01, 0.0, 1e-9, 0.1};
    double[] yields = {-0.03, 0.0, 0.08};
    double[] moneyness = {0.5, 1.0, 1.5};
    for (OptionType type : OptionType.values()) {
      for (double t : years) {
        for (double v : vols) {
          for (double r : rates) {
            for (double q : yields) {
              for (double m : moneyness) {
                PricingInputs in = new PricingInputs(type, 5000, 5000 * m, t, r, q, v);
                double intrinsic = Math.max(type.sign() * (5000 - 5000 * m), 0.0);
                Greeks g = ENGINE.greeks(in);
                assertThat(ENGINE.price(in)).as("%s", in).isGreaterThanOrEqualTo(intrinsic);
                for (double value :
                    new double[] {g.price(), g.delta(), g.gamma(), g.vega(), g.theta(), g.rho()}) {
                  assertThat(value).as("%s %s", in, g).isFinite();
                }
              }
            }
          }
        }
      }
    }
  }

  @Test
  void exercisedPutHasIntrinsicGreeks() {
    Greeks g = ENGINE.greeks(put(50, 100, 1, 0.05, 0, 0.2));
    assertThat(g.price()).isEqualTo(50.0);
    assertThat(g.delta()).isEqualTo(-1.0);
    assertThat(g.gamma()).isZero();
    assertThat(g.theta()).isZero();
  }

  @Test
  void impliedVolatilityRoundTrips() {
    Random random = new Random(5);
    for (int i = 0; i < 30; i++) {
      PricingInputs in = randomInputs(random);
      double price = ENGINE.price(in);
      ImpliedVol iv = ENGINE.impliedVolatility(in.withVolatility(0.77), price);
      double vega = ENGINE.greeks(in).vega();
      if (vega < 1e-6 * in.strike()) {
        continue; // price insensitive to volatility: the vol is not identifiable
      }
      assertThat(iv.status()).as("%s", in).isEqualTo(IvStatus.OK);
      assertThat(iv.volatility()).as("%s", in).isCloseTo(in.volatility(), within(1e-8));
    }
  }

  @Test
  void impliedVolatilityReportsWhyItFails() {
    PricingInputs in = put(100, 100, 1, 0.05, 0.01, 0.2);
    assertThat(ENGINE.impliedVolatility(in, -1).status()).isEqualTo(IvStatus.INVALID_PRICE);
    assertThat(ENGINE.impliedVolatility(in, Double.NaN).status()).isEqualTo(IvStatus.INVALID_PRICE);
    assertThat(ENGINE.impliedVolatility(in, 100).status()).isEqualTo(IvStatus.ABOVE_UPPER_BOUND);
    assertThat(ENGINE.impliedVolatility(put(80, 100, 1, 0.05, 0, 0.2), 19.5).status())
        .isEqualTo(IvStatus.BELOW_INTRINSIC);
    assertThat(ENGINE.impliedVolatility(put(80, 100, 0, 0.05, 0, 0.2), 20).status())
        .isEqualTo(IvStatus.EXPIRED);
    assertThat(ENGINE.impliedVolatility(call(100, 90, 1, 0.05, 0.02, 0.2), 100).status())
        .isEqualTo(IvStatus.ABOVE_UPPER_BOUND);
  }

  private static PricingInputs withRate(PricingInputs in, double r) {
    return new PricingInputs(
        in.type(), in.spot(), in.strike(), in.years(), r, in.dividendYield(), in.volatility());
  }

  private static PricingInputs withYears(PricingInputs in, double t) {
    return new PricingInputs(
        in.type(), in.spot(), in.strike(), t, in.rate(), in.dividendYield(), in.volatility());
  }

  /** A random option over the supported range with early exercise possible. */
  static PricingInputs randomInputs(Random random) {
    double s = Math.exp(Math.log(5) + random.nextDouble() * Math.log(1000));
    double k = s * (0.5 + random.nextDouble());
    double t = Math.exp(random.nextDouble() * Math.log(1095)) / 365.0;
    double v = Math.exp(Math.log(0.05) + random.nextDouble() * Math.log(40));
    double r = 0.001 + 0.099 * random.nextDouble();
    double q = 0.08 * random.nextDouble();
    OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
    return new PricingInputs(type, s, k, t, r, q, v);
  }
}
