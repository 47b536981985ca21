package dev.thetaflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Implied volatility: round trips, independent reference prices, extreme cases and statuses. */
class LetsBeRationalTest {

  private final EuropeanEngine engine = new EuropeanEngine();

  private static PricingInputs option(
      OptionType type, double spot, double strike, double years, double r, double q, double vol) {
    return new PricingInputs(type, spot, strike, years, r, q, vol);
  }

  /**
   * vol -> price -> vol over the brief's grid, wherever vega is not negligible: a price error of a
   * few ulps must not move the volatility by more than 1e-12 relative, which needs vega * vol to be
   * at least 1 % of the price (deep in-the-money options are almost all intrinsic value).
   */
  @Test
  void seededRoundTripsRecoverTheVolatility() {
    Random random = new Random(20261123L);
    int checked = 0;
    double worst = 0.0;
    for (int i = 0; i < 5000; i++) {
      OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      double spot = 5.0 * Math.pow(1000.0, random.nextDouble());
      double strike = spot * (0.5 + random.nextDouble());
      double years =
          random.nextInt(3) == 0
              ? (1 + random.nextInt(30)) / 365.0
              : 1 / 365.0 + 3 * random.nextDouble();
      double rate = -0.01 + 0.11 * random.nextDouble();
      double yield = 0.08 * random.nextDouble();
      double vol = 0.05 + 1.95 * random.nextDouble();
      PricingInputs in = option(type, spot, strike, years, rate, yield, vol);
      Greeks g = engine.greeks(in);
      if (g.vega() * vol < 1e-2 * g.price() || g.price() < 1e-280) {
        continue;
      }
      ImpliedVol iv = engine.impliedVolatility(in, engine.price(in));
      assertThat(iv.status()).as("%s", in).isEqualTo(IvStatus.OK);
      double error = Math.abs(iv.volatility() - vol);
      assertThat(error).as("%s", in).isLessThanOrEqualTo(Math.min(1e-12 * vol, 1e-10));
      worst = Math.max(worst, error / vol);
      checked++;
    }
    assertThat(checked).isGreaterThan(4000);
    assertThat(worst).isLessThan(1e-12);
  }

  /** Prices from the 50-digit mpmath table, so the round trip does not lean on our own pricer. */
  @Test
  void recoversVolatilityFromHighPrecisionPrices() {
    List<ReferenceCsv.Row> rows =
        ReferenceCsv.read("/dev/thetaflow/core/analytics/bsm-reference.csv");
    int checked = 0;
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
      double price = row.number("price");
      double vega = row.number("vega");
      if (vega * in.volatility() < 1e-2 * price) {
        continue;
      }
      ImpliedVol iv = engine.impliedVolatility(in, price);
      assertThat(iv.status()).isEqualTo(IvStatus.OK);
      assertThat(iv.volatility())
          .as("%s", in)
          .isCloseTo(in.volatility(), within(1e-12 * in.volatility()));
      checked++;
    }
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void extremeCasesRoundTrip() {
    double hour = 1.0 / 365 / 24;
    double[][] cases = {
      // spot, strike, years, vol
      {100, 100, hour, 0.2},
      {100, 101, hour, 0.5},
      {100, 100, 1.0, 1e-3},
      {100, 100.5, 1.0, 1e-3},
      {100, 100, 1.0, 5.0},
      {100, 300, 1.0, 5.0},
      {100, 20, 3.0, 5.0},
      {100, 150, 0.1, 0.3}, // deep out of the money for the call, deep in for the put
      {100, 50, 0.1, 0.3},
      {100, 250, 2.0, 0.6},
      {5000, 2500, 3.0, 0.05},
      {5, 7.5, 1 / 365.0, 2.0},
    };
    for (double[] c : cases) {
      for (OptionType type : OptionType.values()) {
        PricingInputs in = option(type, c[0], c[1], c[2], 0.03, 0.01, c[3]);
        Greeks g = engine.greeks(in);
        ImpliedVol iv = engine.impliedVolatility(in, g.price());
        assertThat(iv.status()).as("%s", in).isEqualTo(IvStatus.OK);
        if (g.vega() * c[3] >= 1e-2 * g.price() && g.price() > 1e-300) {
          assertThat(iv.volatility()).as("%s", in).isCloseTo(c[3], within(1e-12 * c[3]));
        } else {
          // Almost all intrinsic (or underflowed): the volatility must still reproduce the price.
          double repriced = engine.price(in.withVolatility(iv.volatility()));
          assertThat(repriced).as("%s", in).isCloseTo(g.price(), within(1e-14 * c[0]));
        }
      }
    }
  }

  @Test
  void tinyOutOfTheMoneyPricesStillInvert() {
    // Call 10 % out of the money with one day and 10 % vol: h = x/s = -18, price ~1e-73
    // (the asymptotic-expansion region of the normalised Black function).
    PricingInputs in = option(OptionType.CALL, 100, 110, 1.0 / 365, 0.0, 0.0, 0.10);
    double price = engine.price(in);
    assertThat(price).isBetween(1e-80, 1e-60);
    ImpliedVol iv = engine.impliedVolatility(in, price);
    assertThat(iv.volatility()).isCloseTo(0.10, within(1e-14));
  }

  @Test
  void blackForwardInterfaceRoundTrips() {
    double forward = 101.3;
    double strike = 95.0;
    double years = 0.75;
    double vol = 0.31;
    double s = vol * Math.sqrt(years);
    double x = Math.log(forward / strike);
    double scale = Math.sqrt(forward * strike);
    double call = scale * NormalisedBlack.call(x, s);
    double put = scale * NormalisedBlack.call(-x, s);
    assertThat(call - put).isCloseTo(forward - strike, within(1e-12));
    for (OptionType type : OptionType.values()) {
      double price = type == OptionType.CALL ? call : put;
      ImpliedVol iv = LetsBeRational.blackVolatility(type, price, forward, strike, years);
      assertThat(iv.status()).isEqualTo(IvStatus.OK);
      assertThat(iv.volatility()).isCloseTo(vol, within(1e-14));
    }
  }

  @Test
  void invalidPrices() {
    PricingInputs in = option(OptionType.CALL, 100, 100, 0.5, 0.03, 0.01, 0.2);
    for (double price : new double[] {Double.NaN, -1e-9, Double.POSITIVE_INFINITY}) {
      assertThat(engine.impliedVolatility(in, price).status()).isEqualTo(IvStatus.INVALID_PRICE);
      assertThat(engine.impliedVolatility(in, price).volatility()).isNaN();
    }
    assertThat(LetsBeRational.blackVolatility(OptionType.PUT, Double.NaN, 100, 100, 1).status())
        .isEqualTo(IvStatus.INVALID_PRICE);
  }

  @Test
  void expired() {
    PricingInputs in = option(OptionType.PUT, 100, 110, 0.0, 0.03, 0.01, 0.2);
    assertThat(engine.impliedVolatility(in, 10.0).status()).isEqualTo(IvStatus.EXPIRED);
  }

  @Test
  void belowIntrinsicAndExactlyAtIntrinsic() {
    PricingInputs call = option(OptionType.CALL, 120, 100, 0.5, 0.05, 0.01, 0.2);
    double intrinsic = 120 * Math.exp(-0.01 * 0.5) - 100 * Math.exp(-0.05 * 0.5);
    assertThat(engine.impliedVolatility(call, intrinsic * (1 - 1e-9)).status())
        .isEqualTo(IvStatus.BELOW_INTRINSIC);
    ImpliedVol atIntrinsic = engine.impliedVolatility(call, intrinsic);
    assertThat(atIntrinsic.status()).isEqualTo(IvStatus.OK);
    assertThat(atIntrinsic.volatility()).isCloseTo(0.0, within(1e-6));
    // The engine's own zero-volatility price is intrinsic too.
    ImpliedVol atZeroVolPrice =
        engine.impliedVolatility(call, engine.price(call.withVolatility(0.0)));
    assertThat(atZeroVolPrice.status()).isEqualTo(IvStatus.OK);
    assertThat(atZeroVolPrice.volatility()).isCloseTo(0.0, within(1e-6));
    // An out-of-the-money option worth nothing has zero volatility.
    PricingInputs otm = option(OptionType.PUT, 120, 100, 0.5, 0.05, 0.01, 0.2);
    assertThat(engine.impliedVolatility(otm, 0.0)).isEqualTo(ImpliedVol.ok(0.0));
    assertThat(engine.impliedVolatility(withType(call, OptionType.PUT), 0.0).status())
        .isEqualTo(IvStatus.OK);
    assertThat(LetsBeRational.blackVolatility(OptionType.PUT, 4.999, 100, 105, 1).status())
        .isEqualTo(IvStatus.BELOW_INTRINSIC);
  }

  @Test
  void aboveUpperBound() {
    PricingInputs call = option(OptionType.CALL, 100, 90, 0.5, 0.05, 0.02, 0.2);
    double callBound = 100 * Math.exp(-0.02 * 0.5);
    assertThat(engine.impliedVolatility(call, callBound).status())
        .isEqualTo(IvStatus.ABOVE_UPPER_BOUND);
    assertThat(engine.impliedVolatility(call, 2 * callBound).status())
        .isEqualTo(IvStatus.ABOVE_UPPER_BOUND);
    PricingInputs put = withType(call, OptionType.PUT);
    double putBound = 90 * Math.exp(-0.05 * 0.5);
    assertThat(engine.impliedVolatility(put, putBound * (1 + 1e-12)).status())
        .isEqualTo(IvStatus.ABOVE_UPPER_BOUND);
    // Just below the bound there is a (large) volatility.
    ImpliedVol nearBound = engine.impliedVolatility(put, putBound * (1 - 1e-6));
    assertThat(nearBound.status()).isEqualTo(IvStatus.OK);
    assertThat(nearBound.volatility()).isGreaterThan(5.0);
    assertThat(LetsBeRational.blackVolatility(OptionType.CALL, 100, 100, 90, 1).status())
        .isEqualTo(IvStatus.ABOVE_UPPER_BOUND);
  }

  @Test
  void neverThrowsOnRandomPrices() {
    Random random = new Random(3L);
    for (int i = 0; i < 3000; i++) {
      PricingInputs in =
          option(
              random.nextBoolean() ? OptionType.CALL : OptionType.PUT,
              1 + 1000 * random.nextDouble(),
              1 + 1000 * random.nextDouble(),
              random.nextDouble() < 0.1 ? 0.0 : 5 * random.nextDouble(),
              -0.05 + 0.3 * random.nextDouble(),
              -0.05 + 0.3 * random.nextDouble(),
              0.0);
      double price = Math.pow(10, -300 * random.nextDouble()) * 2000 * random.nextDouble();
      ImpliedVol iv = engine.impliedVolatility(in, price);
      assertThat(iv.status()).isNotEqualTo(IvStatus.NOT_CONVERGED);
      if (iv.isOk()) {
        assertThat(iv.volatility()).isFinite().isGreaterThanOrEqualTo(0.0);
      }
    }
  }

  private static PricingInputs withType(PricingInputs in, OptionType type) {
    return option(
        type, in.spot(), in.strike(), in.years(), in.rate(), in.dividendYield(), in.volatility());
  }
}
