package dev.thetaflow.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thetaflow.core.analytics.OptionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimMarketTest {
  static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z"); // Tuesday 09:30 New York

  @Test
  void theSameSeedGivesTheSamePathHoweverManyQuotesAreRead() {
    SimMarket quiet = SimMarket.create(MarketSpec.defaults(), 7, OPEN);
    SimMarket busy = SimMarket.create(MarketSpec.defaults(), 7, OPEN);
    List<SimInstrument> options =
        busy.resolve(new ContractQuery(0, "SPY", "OPT", null, Double.NaN, null));
    for (int minute = 1; minute <= 30; minute++) {
      Instant t = OPEN.plus(Duration.ofMinutes(minute));
      quiet.advanceTo(t);
      busy.advanceTo(t);
      for (int k = 0; k < options.size(); k += 97) {
        busy.quote(options.get(k).conId());
      }
    }
    for (String symbol : List.of("SPY", "QQQ", "IWM")) {
      assertThat(busy.spot(symbol)).isEqualTo(quiet.spot(symbol));
    }
    assertThat(busy.quote(busy.vixConId())).isEqualTo(quiet.quote(quiet.vixConId()));
    SimMarket other = SimMarket.create(MarketSpec.defaults(), 8, OPEN);
    other.advanceTo(OPEN.plus(Duration.ofMinutes(30)));
    assertThat(other.spot("SPY")).isNotEqualTo(quiet.spot("SPY"));
  }

  @Test
  void realizedVolatilityIsNearTheVarianceLevelAndVixMovesAgainstSpy() {
    SimMarket market = SimMarket.create(MarketSpec.defaults(), 11, OPEN);
    List<Double> spyReturns = new ArrayList<>();
    List<Double> vixChanges = new ArrayList<>();
    Instant t = OPEN;
    double spy = market.spot("SPY");
    double vix = market.quote(market.vixConId()).last();
    int minutes = 0;
    while (minutes < 390 * 20) { // twenty trading days of one-minute bars
      t = t.plus(Duration.ofMinutes(1));
      if (!dev.thetaflow.core.time.UsEquityCalendar.isRegularHours(t)) {
        t = SimMarket.nextOpen(t);
        market.advanceTo(t);
        spy = market.spot("SPY");
        vix = market.quote(market.vixConId()).last();
        continue;
      }
      market.advanceTo(t);
      double nextSpy = market.spot("SPY");
      double nextVix = market.quote(market.vixConId()).last();
      spyReturns.add(Math.log(nextSpy / spy));
      vixChanges.add(nextVix - vix);
      spy = nextSpy;
      vix = nextVix;
      minutes++;
    }
    double variance = spyReturns.stream().mapToDouble(r -> r * r).sum() / spyReturns.size();
    double annualised = Math.sqrt(variance * 390 * 252);
    assertThat(annualised).isBetween(0.10, 0.26); // long-run 16%, jumps and vol of vol on top
    assertThat(correlation(spyReturns, vixChanges)).isLessThan(-0.3);
  }

  @Test
  void pricesDoNotMoveOutsideRegularHours() {
    SimMarket market =
        SimMarket.create(MarketSpec.defaults(), 3, Instant.parse("2026-11-24T21:05:00Z"));
    double before = market.spot("SPY");
    market.advanceTo(Instant.parse("2026-11-25T03:00:00Z"));
    assertThat(market.spot("SPY")).isEqualTo(before);
    assertThat(SimMarket.nextOpen(Instant.parse("2026-11-24T21:05:00Z")))
        .isEqualTo(Instant.parse("2026-11-25T14:30:00Z"));
  }

  @Test
  void chainsListWeekliesAndMonthliesAndMoveHolidayFridays() {
    SimMarket market =
        SimMarket.create(MarketSpec.defaults(), 1, Instant.parse("2027-03-01T14:30:00Z"));
    ChainParams chain = market.chain("SPY").orElseThrow();
    // Good Friday 2027 is March 26: that week's options expire on Thursday the 25th
    assertThat(chain.expirations())
        .contains(LocalDate.of(2027, 3, 25))
        .doesNotContain(LocalDate.of(2027, 3, 26));
    assertThat(chain.expirations()).contains(LocalDate.of(2027, 3, 19), LocalDate.of(2027, 12, 17));
    assertThat(chain.expirations())
        .allSatisfy(d -> assertThat(d).isBefore(LocalDate.of(2028, 3, 2)));
    assertThat(chain.strikes()).contains(600.0, 601.0, 450.0, 750.0).doesNotContain(451.0);
    List<SimInstrument> listed =
        market.resolve(
            new ContractQuery(0, "SPY", "OPT", LocalDate.of(2027, 3, 19), 600, OptionType.PUT));
    assertThat(listed)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.localSymbol()).isEqualTo("SPY   270319P00600000");
              assertThat(i.multiplier()).isEqualTo(100);
            });
  }

  @Test
  void optionQuotesAreSaneAcrossTheChainAndObeyPutCallParity() {
    SimMarket market = SimMarket.create(MarketSpec.defaults(), 5, OPEN);
    market.advanceTo(OPEN.plus(Duration.ofMinutes(10)));
    double spot = market.spot("SPY");
    double q = MarketSpec.defaults().underlyings().get(0).dividendYield();
    double r = MarketSpec.defaults().rate();
    int checked = 0;
    for (SimInstrument call :
        market.resolve(new ContractQuery(0, "SPY", "OPT", null, Double.NaN, OptionType.CALL))) {
      SimInstrument put =
          market
              .resolve(
                  new ContractQuery(0, "SPY", "OPT", call.expiry(), call.strike(), OptionType.PUT))
              .get(0);
      SimQuote c = market.quote(call.conId());
      SimQuote p = market.quote(put.conId());
      for (SimQuote x : List.of(c, p)) {
        assertThat(x.ask()).isGreaterThan(0);
        if (!Double.isNaN(x.bid())) {
          assertThat(x.ask() - x.bid()).isGreaterThanOrEqualTo(0.01 - 1e-9);
          assertThat(x.bid()).isGreaterThanOrEqualTo(0.01 - 1e-9);
        }
        double low = Double.isNaN(x.bid()) ? 0 : x.bid();
        assertThat(x.model().optPrice()).isBetween(low - 0.01, x.ask() + 0.01);
      }
      double years = yearsTo(market, call.expiry());
      double parity = spot * Math.exp(-q * years) - call.strike() * Math.exp(-r * years);
      assertThat(c.model().optPrice() - p.model().optPrice())
          .isCloseTo(parity, within(1e-6 * spot));
      assertThat(c.model().delta() - p.model().delta())
          .isCloseTo(Math.exp(-q * years), within(1e-9));
      checked++;
    }
    assertThat(checked).isGreaterThan(1_000);
  }

  @Test
  void theSurfaceHasPutSkewAndVolatilityAfterAGapRises() {
    SimMarket market = SimMarket.create(MarketSpec.defaults(), 9, OPEN);
    double month = 30.0 / 365;
    double atm = market.surfaceVol("SPY", 600, month);
    assertThat(market.surfaceVol("SPY", 570, month) / atm).isBetween(1.1, 1.35);
    assertThat(market.surfaceVol("SPY", 625, month) / atm).isBetween(0.8, 0.98);
    double vixBefore = market.quote(market.vixConId()).last();
    market.gap("SPY", -0.05);
    assertThat(market.spot("SPY")).isCloseTo(570, within(1e-9));
    assertThat(market.quote(market.vixConId()).last()).isGreaterThan(vixBefore * 1.2);
  }

  private static double yearsTo(SimMarket market, LocalDate expiry) {
    Instant close =
        dev.thetaflow.core.time.Expiries.expiryInstant(
            expiry, dev.thetaflow.core.instrument.SettlementStyle.PM);
    return Duration.between(market.now(), close).getSeconds() / (365 * 86_400.0);
  }

  private static double correlation(List<Double> a, List<Double> b) {
    int n = a.size();
    double ma = a.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double mb = b.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < n; i++) {
      cov += (a.get(i) - ma) * (b.get(i) - mb);
      va += (a.get(i) - ma) * (a.get(i) - ma);
      vb += (b.get(i) - mb) * (b.get(i) - mb);
    }
    return cov / Math.sqrt(va * vb);
  }
}
