package dev.thetaflow.jobs.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.LegSpec;
import dev.thetaflow.core.command.StrategySpec;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.core.strategy.StrategyType;
import dev.thetaflow.ib.source.ContractLookup;
import dev.thetaflow.jobs.testing.SimFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StrategyResolverAgainstSimTest {
  private static final LocalDate TODAY =
      SimFixture.OPEN.atZone(ZoneId.of("America/New_York")).toLocalDate(); // Tue 2026-11-24

  private static LegSpec byDte(OptionType right, int ratio, int dte, double strike) {
    return new LegSpec(
        right, ratio, null, OptionalInt.of(dte), OptionalDouble.of(strike), OptionalDouble.empty());
  }

  @Test
  void anIronCondorByDaysToExpiryResolvesToListedContracts() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(5))) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      StrategyResolver resolver = new StrategyResolver(lookup);
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
}
