package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.analytics.ExerciseStyle;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.source.ContractLookup;
import dev.thetaflow.jobs.testing.SimFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContractLookupAgainstSimTest {
  @Test
  void anOptionResolvesToItsContractAndAnUnlistedOneToIbsError() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(4))) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      TwsContract query =
          new TwsContract(
              0, "SPY", "OPT", "20261218", 600, "C", "100", "SMART", "", "USD", "", "", List.of());
      List<Contract> found = lookup.lookup(query).get(10, TimeUnit.SECONDS);
      assertThat(found).hasSize(1);
      Contract c = found.get(0);
      assertThat(c.conId()).isPositive();
      assertThat(c.expiry()).isEqualTo(LocalDate.of(2026, 12, 18));
      assertThat(c.strike()).isEqualTo(600);
      assertThat(c.right()).isEqualTo(OptionType.CALL);
      assertThat(c.exerciseStyle()).isEqualTo(ExerciseStyle.AMERICAN);
      assertThat(c.settlement()).isEqualTo(SettlementStyle.PM);
      assertThat(c.minTick().signum()).isPositive();

      TwsContract unlisted =
          new TwsContract(
              0,
              "SPY",
              "OPT",
              "20261218",
              601.5,
              "C",
              "100",
              "SMART",
              "",
              "USD",
              "",
              "",
              List.of());
      assertThatThrownBy(() -> lookup.lookup(unlisted).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("IB error 200");
    }
  }
}
