package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Black-Scholes-Merton prices and Greeks: literature values, 50-digit mpmath references, finite
 * differences of the price, put-call parity and the documented edge cases.
 */
class BlackScholesTest {

  private static PricingInputs option(
      OptionType type, double spot, double strike, double years, double r, double q, double vol) {
    return new PricingInputs(type, spot, strike, years, r, q, vol);
  }

  @Test
  void hullExample() {
    // Hull, Options, Futures, and Other Derivatives, Example 15.6: S=42, K=40, r=10%, T=0.5, 20%.
    PricingInputs call = option(OptionType.CALL, 42, 40, 0.5, 0.10, 0.0, 0.20);
    assertThat(BlackScholes.price(call)).isCloseTo(4.76, within(0.005));
    assertThat(BlackScholes.price(withType(call, OptionType.PUT))).isCloseTo(0.81, within(0.005));
  }

  /** Haug, Option Pricing Formulas (McGraw-Hill 1998), pp. 2-8 and 24, printed to 4 decimals. */
  @ParameterizedTest
  @CsvSource({
    // type, strike, spot, q, r, T, vol, value
    "CALL, 65.00, 60.00, 0.00, 0.08, 0.25, 0.30, 2.1334",
    "PUT, 95.00, 100.00, 0.05, 0.10, 0.50, 0.20, 2.4648",
    "PUT, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011",
    "CALL, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011",
    "CALL, 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291",
    "PUT, 70.00, 75.00, 0.05, 0.10, 0.50, 0.35, 4.0870",
    "CALL, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 0.0205",
    "CALL, 100.00, 100.00, 0.10, 0.10, 0.10, 0.15, 1.8734",
    "CALL, 100.00, 110.00, 0.10, 0.10, 0.10, 0.15, 9.9413",
    "CALL, 100.00, 90.00, 0.10, 0.10, 0.10, 0.25, 0.3150",
    "CALL, 100.00, 100.00, 0.10, 0.10, 0.10, 0.25, 3.1217",
    "CALL, 100.00, 110.00, 0.10, 0.10, 0.10, 0.25, 10.3556",
  })
  void haugValues(
      OptionType type,
      double strike,
      double spot,
      double q,
      double r,
      double years,
      double vol,
      double expected) {
    PricingInputs in = option(type, spot, strike, years, r, q, vol);
    // The table's own tolerance, as in QuantLib's europeanoption.cpp: the book rounds its inputs.
    assertThat(BlackScholes.price(in)).isCloseTo(expected, within(1e-4));
    assertThat(BlackScholes.greeks(in).price()).isCloseTo(expected, within(1e-4));
  }

  @Test
  void haugDeltas() {
    // Haug (1998) p. 11: S=105, K=100, T=0.5, r=q=10%, vol 36%: call 0.5946, put -0.3566.
    PricingInputs call = option(OptionType.CALL, 105, 100, 0.5, 0.10, 0.10, 0.36);
    assertThat(BlackScholes.greeks(call).delta()).isCloseTo(0.5946, within(0.5e-4));
    assertThat(BlackScholes.greeks(withType(call, OptionType.PUT)).delta())
        .isCloseTo(-0.3566, within(0.5e-4));
  }

  @Test
  void everyValueMatchesHighPrecisionReference() {
    List<ReferenceCsv.Row> rows =
        ReferenceCsv.read("/dev/thetaflow/core/analytics/bsm-reference.csv");
    assertThat(rows).hasSizeGreaterThan(200);
    for (ReferenceCsv.Row row : rows) {
      PricingInputs in =
          option(
              row.type(),
              row.number("spot"),
              row.number("strike"),
              row.number("years"),
              row.number("rate"),
              row.number("dividend_yield"),
              row.number("volatility"));
      Greeks g = BlackScholes.greeks(in);
      SecondOrderGreeks second = BlackScholes.secondOrder(in);
      double[] actual = {
        BlackScholes.price(in),
        g.price(),
        g.delta(),
        g.gamma(),
        g.vega(),
        g.theta(),
        g.rho(),
        second.vanna(),
        second.charm(),
        second.vomma()
      };
      String[] column = {
        "price", "price", "delta", "gamma", "vega", "theta", "rho", "vanna", "charm", "vomma"
      };
      // The inputs' own rounding moves d1 by about eps (|x|/s + s), which moves every value by
      // that times d1 in relative terms: deep out-of-the-money prices near 1e-200 are accurate to
      // ~1e-13, the body to ~1e-15. Greeks that are sums of terms of either sign (theta, vanna,
      // charm, vomma) are compared against the size of their terms.
      double years = in.years();
      double totalVol = in.volatility() * Math.sqrt(years);
      double x = Math.log(in.spot() / in.strike()) + (in.rate() - in.dividendYield()) * years;
      double d1 = x / totalVol + 0.5 * totalVol;
      double d2 = d1 - totalVol;
      double spread = Math.abs(x) / totalVol + totalVol;
      double tolerance = 2e-15 * (1.0 + spread * (1.0 + Math.abs(d1)));
      double vega = row.number("vega");
      double vol = in.volatility();
      double density = vega / (in.spot() * Math.sqrt(years)); // e^{-qT} phi(d1)
      double[] natural = {
        0,
        0,
        0,
        0,
        0,
        vega * vol / years
            + Math.abs(in.dividendYield() * in.spot())
            + Math.abs(in.rate() * in.strike()),
        0,
        density * spread / vol,
        Math.abs(in.dividendYield())
            + density * (Math.abs(in.rate() - in.dividendYield()) / totalVol + spread / years),
        vega * spread * (Math.abs(d1) + Math.abs(d2)) / vol
      };
      for (int i = 0; i < actual.length; i++) {
        double expected = row.number(column[i]);
        double scale = Math.max(Math.max(Math.abs(expected), natural[i]), Double.MIN_NORMAL);
        assertThat(Math.abs(actual[i] - expected) / scale)
            .as("column %s of %s", column[i], row)
            .isLessThan(tolerance);
      }
    }
  }

  @Test
  void greeksAgreeWithCentralDifferencesOfThePrice() {
    Random random = new Random(20261123L);
    for (int i = 0; i < 400; i++) {
      PricingInputs in = randomOption(random);
      Greeks g = BlackScholes.greeks(in);
      SecondOrderGreeks second = BlackScholes.secondOrder(in);
      double spot = in.spot();
      double vol = in.volatility();
      double years = in.years();
      // Steps on the scale over which the price curves: the spot moves d1 by hs / (S sigma sqrt T).
      double hs = 1e-3 * spot * vol * Math.sqrt(years);
      double hv = 1e-3 * vol;
      double ht = 1e-3 * years;
      double hr = 1e-3;
      // Second differences divide rounding noise by h^2: ten times wider steps keep it below
      // 1e-8 while one Richardson step keeps truncation there too.
      double hs2 = 10 * hs;
      double hv2 = 10 * hv;
      double ht2 = 10 * ht;
      DoubleUnaryOperator bySpot = s -> BlackScholes.price(in.withSpot(s));
      DoubleUnaryOperator byVol = v -> BlackScholes.price(in.withVolatility(v));
      DoubleUnaryOperator byYears = t -> BlackScholes.price(withYears(in, t));
      DoubleUnaryOperator byRate = r -> BlackScholes.price(withRate(in, r));
      // Errors are judged against the natural size of each Greek so that values crossing zero
      // do not demand an impossible relative accuracy.
      double price = Math.max(g.price(), 1e-3 * spot);
      String label = in.toString();
      assertClose("delta " + label, g.delta(), central(bySpot, spot, hs), 1e-7, price / spot);
      assertClose(
          "gamma " + label, g.gamma(), second(bySpot, spot, hs2), 1e-6, price / (spot * spot));
      assertClose("vega " + label, g.vega(), central(byVol, vol, hv), 1e-7, price / vol);
      assertClose("theta " + label, g.theta(), -central(byYears, years, ht), 1e-7, price / years);
      assertClose("rho " + label, g.rho(), central(byRate, in.rate(), hr), 1e-7, price * years);
      assertClose(
          "vomma " + label, second.vomma(), second(byVol, vol, hv2), 1e-6, price / (vol * vol));
      double vanna =
          mixed(
              (a, b) -> BlackScholes.price(in.withSpot(a).withVolatility(b)), spot, vol, hs2, hv2);
      assertClose("vanna " + label, second.vanna(), vanna, 1e-6, price / (spot * vol));
      double charm =
          -mixed((a, b) -> BlackScholes.price(withYears(in.withSpot(a), b)), spot, years, hs2, ht2);
      assertClose("charm " + label, second.charm(), charm, 1e-6, price / (spot * years));
    }
  }

  @Test
  void putCallParity() {
    Random random = new Random(7L);
    for (int i = 0; i < 2000; i++) {
      PricingInputs call = withType(randomOption(random), OptionType.CALL);
      PricingInputs put = withType(call, OptionType.PUT);
      double forwardValue =
          call.spot() * Math.exp(-call.dividendYield() * call.years())
              - call.strike() * Math.exp(-call.rate() * call.years());
      double scale = Math.max(call.spot(), call.strike());
      assertThat(BlackScholes.price(call) - BlackScholes.price(put))
          .as("%s", call)
          .isCloseTo(forwardValue, within(1e-14 * scale));
      Greeks c = BlackScholes.greeks(call);
      Greeks p = BlackScholes.greeks(put);
      assertThat(c.price() - p.price()).isCloseTo(forwardValue, within(1e-14 * scale));
      assertThat(c.delta() - p.delta())
          .isCloseTo(Math.exp(-call.dividendYield() * call.years()), within(1e-15));
      assertThat(c.gamma()).isCloseTo(p.gamma(), within(1e-15 * c.gamma()));
      assertThat(c.vega()).isCloseTo(p.vega(), within(1e-15 * c.vega()));
    }
  }

  @Test
  void expiredOptionIsWorthIntrinsicWithPayoffDelta() {
    Greeks itm = BlackScholes.greeks(option(OptionType.CALL, 105, 100, 0.0, 0.05, 0.02, 0.3));
    assertThat(itm).isEqualTo(new Greeks(5.0, 1.0, 0.0, 0.0, 0.0, 0.0));
    Greeks otmPut = BlackScholes.greeks(option(OptionType.PUT, 105, 100, 0.0, 0.05, 0.02, 0.3));
    assertThat(otmPut).isEqualTo(new Greeks(0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
    Greeks atmPut = BlackScholes.greeks(option(OptionType.PUT, 100, 100, 0.0, 0.05, 0.02, 0.3));
    assertThat(atmPut).isEqualTo(new Greeks(0.0, -0.5, 0.0, 0.0, 0.0, 0.0));
    assertThat(BlackScholes.price(option(OptionType.PUT, 90, 100, 0.0, 0.05, 0.02, 0.3)))
        .isEqualTo(10.0);
    assertThat(BlackScholes.secondOrder(option(OptionType.PUT, 90, 100, 0.0, 0.05, 0.02, 0.3)))
        .isEqualTo(new SecondOrderGreeks(0.0, 0.0, 0.0));
  }

  @Test
  void zeroVolatilityIsTheLimitOfTinyVolatility() {
    for (OptionType type : OptionType.values()) {
      for (double strike : new double[] {80, 120}) {
        PricingInputs zero = option(type, 100, strike, 0.7, 0.04, 0.01, 0.0);
        PricingInputs tiny = zero.withVolatility(1e-6);
        Greeks g0 = BlackScholes.greeks(zero);
        Greeks g1 = BlackScholes.greeks(tiny);
        assertThat(BlackScholes.price(zero)).isCloseTo(g1.price(), within(1e-12));
        assertThat(g0.price()).isCloseTo(g1.price(), within(1e-12));
        assertThat(g0.delta()).isCloseTo(g1.delta(), within(1e-12));
        assertThat(g0.gamma()).isZero();
        assertThat(g0.vega()).isCloseTo(g1.vega(), within(1e-12));
        assertThat(g0.theta()).isCloseTo(g1.theta(), within(1e-9));
        assertThat(g0.rho()).isCloseTo(g1.rho(), within(1e-9));
        SecondOrderGreeks s0 = BlackScholes.secondOrder(zero);
        assertThat(s0.charm()).isCloseTo(BlackScholes.secondOrder(tiny).charm(), within(1e-9));
      }
    }
  }

  @Test
  void zeroVolatilityAtTheForwardUsesHalfWeights() {
    // r == q puts the forward exactly at the spot, here equal to the strike.
    PricingInputs call = option(OptionType.CALL, 100, 100, 0.5, 0.03, 0.03, 0.0);
    Greeks g = BlackScholes.greeks(call);
    double dq = Math.exp(-0.015);
    assertThat(g.price()).isEqualTo(0.0);
    assertThat(g.delta()).isCloseTo(0.5 * dq, within(1e-15));
    assertThat(g.vega())
        .isCloseTo(100 * dq * Math.sqrt(0.5) / Math.sqrt(2 * Math.PI), within(1e-12));
    // Vega is the true derivative: compare with the price at a small volatility.
    assertThat(BlackScholes.price(call.withVolatility(1e-8)) / 1e-8)
        .isCloseTo(g.vega(), within(1e-6));
  }

  @Test
  void hugeVolatilityTendsToTheUpperBounds() {
    PricingInputs call = option(OptionType.CALL, 100, 120, 1.0, 0.05, 0.02, 50.0);
    assertThat(BlackScholes.price(call)).isCloseTo(100 * Math.exp(-0.02), within(1e-12));
    assertThat(BlackScholes.price(withType(call, OptionType.PUT)))
        .isCloseTo(120 * Math.exp(-0.05), within(1e-12));
    Greeks g = BlackScholes.greeks(call);
    assertThat(g.delta()).isCloseTo(Math.exp(-0.02), within(1e-12));
    assertThat(g.vega()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void deepOutOfTheMoneyPricesKeepRelativePrecision() {
    // A 1-day 10 % vol call struck 10 % out of the money is worth about 1e-73: the textbook
    // difference of two nearly equal terms would leave noise, the normalised form keeps digits.
    PricingInputs call = option(OptionType.CALL, 100, 110, 1.0 / 365, 0.0, 0.0, 0.10);
    double exact = 6.5631967973228709099e-76; // mpmath, 50 digits
    // h = x/s = -18.2: each rounding of ln(S/K), sqrt(T), sigma sqrt(T) or x/s moves the price
    // by ~h^2 eps = 4e-14 relative; the textbook difference would be off by ~1e-2.
    assertThat(BlackScholes.price(call)).isCloseTo(exact, within(2e-13 * exact));
    assertThat(BlackScholes.greeks(call).price()).isCloseTo(exact, within(2e-13 * exact));
  }

  @Test
  void everythingIsFiniteForExtremeInputs() {
    for (OptionType type : OptionType.values()) {
      for (double vol : new double[] {0.0, 1e-300, 1e-8, 1e-3, 5.0, 50.0, 1e3}) {
        for (double years : new double[] {1e-9, 1.0 / 365 / 24, 30.0}) {
          for (double strike : new double[] {1.0, 100.0, 1e4}) {
            for (double rate : new double[] {-0.05, 0.1}) {
              PricingInputs in = option(type, 100, strike, years, rate, 0.03, vol);
              Greeks g = BlackScholes.greeks(in);
              SecondOrderGreeks s = BlackScholes.secondOrder(in);
              double[] all = {
                BlackScholes.price(in),
                g.price(),
                g.delta(),
                g.gamma(),
                g.vega(),
                g.theta(),
                g.rho(),
                s.vanna(),
                s.charm(),
                s.vomma()
              };
              for (double value : all) {
                assertThat(value).as("%s", in).isFinite();
              }
              assertThat(g.price()).isGreaterThanOrEqualTo(0.0);
              assertThat(g.gamma()).isGreaterThanOrEqualTo(0.0);
              assertThat(g.vega()).isGreaterThanOrEqualTo(0.0);
            }
          }
        }
      }
    }
  }

  private static PricingInputs withType(PricingInputs in, OptionType type) {
    return option(
        type, in.spot(), in.strike(), in.years(), in.rate(), in.dividendYield(), in.volatility());
  }

  private static PricingInputs withYears(PricingInputs in, double years) {
    return option(
        in.type(), in.spot(), in.strike(), years, in.rate(), in.dividendYield(), in.volatility());
  }

  private static PricingInputs withRate(PricingInputs in, double rate) {
    return option(
        in.type(), in.spot(), in.strike(), in.years(), rate, in.dividendYield(), in.volatility());
  }

  private static PricingInputs randomOption(Random random) {
    OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
    double spot = 5.0 * Math.pow(1000.0, random.nextDouble());
    double strike = spot * (0.5 + random.nextDouble());
    double years =
        random.nextInt(3) == 0 ? (1 + random.nextInt(30)) / 365.0 : 0.05 + 3 * random.nextDouble();
    double rate = -0.01 + 0.11 * random.nextDouble();
    double yield = 0.08 * random.nextDouble();
    double vol = 0.05 + 1.95 * random.nextDouble();
    return option(type, spot, strike, years, rate, yield, vol);
  }

  /** Central difference with one Richardson step: truncation error O(h^4). */
  private static double central(DoubleUnaryOperator f, double x, double h) {
    return (4 * centralOnce(f, x, 0.5 * h) - centralOnce(f, x, h)) / 3;
  }

  private static double centralOnce(DoubleUnaryOperator f, double x, double h) {
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }

  /** Second difference with one Richardson step. */
  private static double second(DoubleUnaryOperator f, double x, double h) {
    return (4 * secondOnce(f, x, 0.5 * h) - secondOnce(f, x, h)) / 3;
  }

  private static double secondOnce(DoubleUnaryOperator f, double x, double h) {
    return (f.applyAsDouble(x + h) - 2 * f.applyAsDouble(x) + f.applyAsDouble(x - h)) / (h * h);
  }

  /** Mixed second difference d2V/(da db) with one Richardson step. */
  private static double mixed(
      java.util.function.DoubleBinaryOperator f, double a, double b, double ha, double hb) {
    return (4 * mixedOnce(f, a, b, 0.5 * ha, 0.5 * hb) - mixedOnce(f, a, b, ha, hb)) / 3;
  }

  private static double mixedOnce(
      java.util.function.DoubleBinaryOperator f, double a, double b, double ha, double hb) {
    return (f.applyAsDouble(a + ha, b + hb)
            - f.applyAsDouble(a + ha, b - hb)
            - f.applyAsDouble(a - ha, b + hb)
            + f.applyAsDouble(a - ha, b - hb))
        / (4 * ha * hb);
  }

  private static void assertClose(
      String what, double actual, double numeric, double relative, double naturalScale) {
    double scale = Math.max(Math.abs(numeric), naturalScale);
    assertThat(Math.abs(actual - numeric)).as(what).isLessThanOrEqualTo(relative * scale);
  }
}
