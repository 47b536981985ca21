package dev.thetaflow.jobs.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.core.risk.MarketAssumptions;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.core.time.Expiries;
import dev.thetaflow.ib.source.ContractLookup;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sim.market.MarketSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StrategyResolverAgainstSimTest {
  private static final LocalDate TODAY =
      SimFixture.OPEN.atZone(ZoneId.of("America/New_York")).toLocalDate(); // Tue 2026-11-24

  private static final MarketAssumptions MARKET = MarketSpec.defaults().assumptions();

  private static LegSpec byDte(OptionType right, int ratio, int dte, double strike) {
    return new LegSpec(
        right, ratio, null, OptionalInt.of(dte), OptionalDouble.of(strike), OptionalDouble.empty());
  }

  @Test
  void anIronCondorByDaysToExpiryResolvesToListedContracts() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(5))) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      StrategyResolver resolver = new StrategyResolver(lookup, MARKET);
      StrategySpec spec =
          new StrategySpec(
              "ic-7",
              "SPY",
              StrategyType.IRON_CONDOR,
              1,
              List.of(
                  byDte(OptionType.PUT, 1, 24, 560),
                  byDte(OptionType.PUT, -1, 24, 570),
                  byDte(OptionType.CALL, -1, 24, 630),
                  byDte(OptionType.CALL, 1, 24, 640)),
              OptionalDouble.empty());
      Strategy s =
          resolver
              .resolve(spec, sim.underlyingConId("SPY"), TODAY, SimFixture.OPEN)
              .get(10, TimeUnit.SECONDS);
      assertThat(s.state()).isEqualTo(StrategyState.PENDING_ENTRY);
      assertThat(s.legs()).extracting(Leg::ratio).containsExactly(1, -1, -1, 1);
      assertThat(s.legs())
          .extracting(l -> l.contract().strike())
          .containsExactly(560.0, 570.0, 630.0, 640.0);
      // 24 days from Tue 2026-11-24 is Fri 2026-12-18, a listed monthly
      assertThat(s.legs())
          .allSatisfy(l -> assertThat(l.contract().expiry()).isEqualTo(LocalDate.of(2026, 12, 18)));
      assertThat(s.legs()).extracting(l -> l.contract().conId()).doesNotHaveDuplicates();

      StrategySpec offGrid =
          new StrategySpec(
              "v-1",
              "SPY",
              StrategyType.PUT_VERTICAL,
              1,
              List.of(byDte(OptionType.PUT, -1, 24, 571.3), byDte(OptionType.PUT, 1, 24, 560)),
              OptionalDouble.empty());
      assertThatThrownBy(
              () ->
                  resolver
                      .resolve(offGrid, sim.underlyingConId("SPY"), TODAY, SimFixture.OPEN)
                      .get(10, TimeUnit.SECONDS))
          .hasMessageContaining("v-1 legs[0]: strike 571.3 is not listed; nearest listed:");
    }
  }

  private static LegSpec byDelta(OptionType right, int ratio, int dte, double delta) {
    return new LegSpec(
        right, ratio, null, OptionalInt.of(dte), OptionalDouble.empty(), OptionalDouble.of(delta));
  }

  private static StrategySpec spec(String id, StrategyType type, LegSpec... legs) {
    return new StrategySpec(id, "SPY", type, 1, List.of(legs), OptionalDouble.empty());
  }

  private static Strategy resolve(SimFixture sim, StrategyResolver resolver, StrategySpec spec)
      throws Exception {
    return resolver
        .resolve(spec, sim.underlyingConId("SPY"), TODAY, SimFixture.OPEN)
        .get(30, TimeUnit.SECONDS);
  }

  /**
   * Every listed strike's delta from the sim's own model: its volatility surface and Black-Scholes,
   * at its spot and clock now, independently of the resolver's quotes and volatility solve.
   */
  private static Map<Double, Double> modelDeltas(
      SimFixture sim, OptionType right, LocalDate expiry) {
    return sim.sim.call(
        () -> {
          Instant now = sim.market.now();
          double spot = sim.market.spot("SPY");
          double years =
              Expiries.yearFraction(now, Expiries.expiryInstant(expiry, SettlementStyle.PM));
          Map<Double, Double> out = new TreeMap<>();
          for (double k : sim.market.chain("SPY").orElseThrow().strikes()) {
            double vol = sim.market.surfaceVol("SPY", k, years);
            PricingInputs in =
                new PricingInputs(
                    right, spot, k, years, MARKET.rate(), MARKET.dividendYield("SPY"), vol);
            out.put(k, BlackScholes.greeks(in).delta());
          }
          return out;
        });
  }

  /**
   * The leg's strike is the one whose model delta is nearest the target. Our delta comes from a mid
   * rounded to the tick and an American engine, the model's from the exact surface, so a neighbour
   * within 0.005 of the same distance counts as a tie.
   */
  private static void assertNearest(SimFixture sim, Leg leg, double target) {
    Map<Double, Double> deltas = modelDeltas(sim, leg.contract().right(), leg.contract().expiry());
    double best =
        deltas.values().stream().mapToDouble(d -> Math.abs(d - target)).min().orElseThrow();
    double chosen = Math.abs(deltas.get(leg.contract().strike()) - target);
    assertThat(chosen)
        .as(
            "%s strike %s (model delta %.4f) for target %s",
            leg.contract().right(),
            leg.contract().strike(),
            deltas.get(leg.contract().strike()),
            target)
        .isLessThanOrEqualTo(best + 0.005);
  }

  @Test
  void aPutVerticalBy30And16DeltaTakesTheStrikesNearestThoseDeltas() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(5))) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      StrategyResolver resolver = new StrategyResolver(lookup, MARKET);
      Strategy s =
          resolve(
              sim,
              resolver,
              spec(
                  "pv-1",
                  StrategyType.PUT_VERTICAL,
                  byDelta(OptionType.PUT, -1, 24, -0.30),
                  byDelta(OptionType.PUT, 1, 24, -0.16)));
      assertThat(s.legs()).extracting(Leg::ratio).containsExactly(-1, 1);
      assertThat(s.legs())
          .allSatisfy(l -> assertThat(l.contract().expiry()).isEqualTo(LocalDate.of(2026, 12, 18)));
      assertThat(s.legs().get(0).contract().strike())
          .isGreaterThan(s.legs().get(1).contract().strike());
      assertNearest(sim, s.legs().get(0), -0.30);
      assertNearest(sim, s.legs().get(1), -0.16);
    }
  }

  @Test
  void anIronCondorByDeltaAndDaysToExpiryTakesTheStrikesNearestTheTargets() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(5))) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      StrategyResolver resolver = new StrategyResolver(lookup, MARKET);
      double[] targets = {-0.10, -0.20, 0.20, 0.10};
      Strategy s =
          resolve(
              sim,
              resolver,
              spec(
                  "ic-d",
                  StrategyType.IRON_CONDOR,
                  byDelta(OptionType.PUT, 1, 24, targets[0]),
                  byDelta(OptionType.PUT, -1, 24, targets[1]),
                  byDelta(OptionType.CALL, -1, 24, targets[2]),
                  byDelta(OptionType.CALL, 1, 24, targets[3])));
      List<Double> strikes = s.legs().stream().map(l -> l.contract().strike()).toList();
      assertThat(strikes).isSorted().doesNotHaveDuplicates();
      double spot = sim.sim.call(() -> sim.market.spot("SPY"));
      assertThat(strikes.get(1)).isLessThan(spot);
      assertThat(strikes.get(2)).isGreaterThan(spot);
      for (int i = 0; i < 4; i++) {
        assertNearest(sim, s.legs().get(i), targets[i]);
      }
    }
  }

  @Test
  void legsLandingOnOneStrikeOrFarFromTheirTargetAreRefused() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(5))) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      StrategyResolver resolver = new StrategyResolver(lookup, MARKET);
      StrategySpec oneStrike =
          spec(
              "pv-2",
              StrategyType.PUT_VERTICAL,
              byDelta(OptionType.PUT, -1, 24, -0.160),
              byDelta(OptionType.PUT, 1, 24, -0.161));
      assertThatThrownBy(() -> resolve(sim, resolver, oneStrike))
          .hasMessageContaining(
              "pv-2 legs[0] (target delta -0.16) and legs[1] (target delta -0.161) both resolve"
                  + " to PUT 2026-12-18 strike")
          .hasMessageContaining("they must differ");

      // 30% up, every listed call (up to 750) is deep in the money: no 0.30-delta call is listed
      sim.sim.call(
          () -> {
            sim.market.gap("SPY", 0.30);
            return null;
          });
      StrategySpec tooFar =
          spec(
              "cv-1",
              StrategyType.CALL_VERTICAL,
              byDelta(OptionType.CALL, 1, 24, 0.50),
              byDelta(OptionType.CALL, -1, 24, 0.30));
      assertThatThrownBy(() -> resolve(sim, resolver, tooFar))
          .hasMessageContaining("cv-1 legs[") // either leg may be the one reported
          .hasMessageContaining(": CALL 2026-12-18 target delta 0.")
          .hasMessageContaining("nothing within 0.10; nearest found strike 750.0 at delta 0.");
    }
  }
}
