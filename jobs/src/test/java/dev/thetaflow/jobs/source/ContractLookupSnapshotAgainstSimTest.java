package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.source.ContractLookup;
import dev.thetaflow.jobs.testing.SimFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContractLookupSnapshotAgainstSimTest {
  @Test
  void snapshotsQueueBehindTheLimitAndSayWhyAQuoteIsMissing() throws Exception {
    try (SimFixture sim = new SimFixture(10);
        ContractLookup lookup = new ContractLookup(sim.options(6), 2)) {
      assertThat(lookup.awaitReady(Duration.ofSeconds(10))).isTrue();
      List<Contract> puts =
          lookup
              .lookup(
                  new TwsContract(
                      0,
                      "SPY",
                      "OPT",
                      "20261218",
                      Double.MAX_VALUE, // unset: every strike of the expiry
                      "P",
                      "100",
                      "SMART",
                      "",
                      "USD",
                      "",
                      "",
                      List.of()))
              .get(10, TimeUnit.SECONDS);
      assertThat(puts.size()).isGreaterThan(100);
      List<Contract> ask =
          new ArrayList<>(puts.stream().filter(c -> c.strike() % 10 == 0).toList());
      Contract unknown = Contract.stock(999_999_999L, "SPY", "SMART", "USD");
      ask.add(unknown);

      // more contracts than the limit of 2: all are answered, one batch after the other
      Map<Long, ContractLookup.Snapshot> quotes =
          lookup.snapshots(ask, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
      assertThat(quotes).hasSize(ask.size());
      Contract atm = puts.stream().filter(c -> c.strike() == 600).findFirst().orElseThrow();
      ContractLookup.Snapshot q = quotes.get(atm.conId());
      assertThat(q.failure()).isNull();
      assertThat(q.twoSided()).isTrue();
      assertThat(q.mid()).isBetween(q.bid(), q.ask());
      assertThat(q.modelDelta()).isBetween(-0.6, -0.4); // the sim's model computation, tick 13
      assertThat(quotes.get(unknown.conId()).failure()).startsWith("IB error 200");
      assertThat(quotes.get(unknown.conId()).twoSided()).isFalse();

      // the broker's clock is the sim's (its market opened 2026-11-24), not this machine's
      Instant broker = lookup.brokerTime().get(10, TimeUnit.SECONDS);
      assertThat(broker).isBetween(SimFixture.OPEN, SimFixture.OPEN.plusSeconds(120));
    }
  }
}
