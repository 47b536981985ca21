package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsOrder;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.IbSplit;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sim.market.ContractQuery;
import dev.thetaflow.sim.market.SimInstrument;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceReader;
import org.junit.jupiter.api.Test;

/**
 * With fewer market-data lines than instruments, the source streams the underlying and the riskiest
 * legs, snapshots the rest, and every leg gets prices; ib-sim, which enforces the line limit like
 * IB (error 101), never refuses one of its requests.
 */
class IbSourcePlanningTest {
  private static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);
  private static final int LINES = 4;

  @Test
  void everyLegIsPricedWithinTheLineBudget() throws Exception {
    SimFixture sim = new SimFixture(LINES);
    IbConnection trader = null;
    SourceReader<BrokerEvent, IbSplit> reader = null;
    try {
      trader = new IbConnection(sim.options(2), new IbListener() {});
      trader.start();
      assertThat(trader.awaitReady(Duration.ofSeconds(10))).isTrue();
      Set<Long> legs = new HashSet<>();
      double[] strikes = {560, 580, 600, 620, 640};
      for (int i = 0; i < strikes.length; i++) {
        double strike = strikes[i];
        OptionType right = i % 2 == 0 ? OptionType.PUT : OptionType.CALL;
        SimInstrument option =
            sim.sim.call(
                () ->
                    sim.market
                        .resolve(new ContractQuery(0, "SPY", "OPT", EXPIRY, strike, right))
                        .get(0));
        legs.add((long) option.conId());
        TwsContract contract = TwsContract.byConId(option.conId(), "SPY", "OPT", "USD");
        int orderId = trader.nextOrderId();
        String action = i % 2 == 0 ? "SELL" : "BUY";
        trader.send(
            w ->
                Requests.placeOrder(w, orderId, contract, TwsOrder.market(action, BigDecimal.ONE)));
      }

      IbSource source =
          new IbSource(
              new IbSourceSettings(
                  sim.options(1),
                  List.of(StreamedInstrument.stock("SPY")),
                  "America/New_York",
                  Duration.ofMinutes(10),
                  LINES,
                  1,
                  Duration.ofMillis(200)));
      reader = source.createReader(new ReaderHarness.Context());
      ReaderHarness.Collected out = new ReaderHarness.Collected();
      reader.addSplits(List.of(new IbSplit(1, 0, List.of())));
      reader.start();
      long spy = sim.underlyingConId("SPY");
      Set<Long> priced = new HashSet<>();
      Set<Long> want = new HashSet<>(legs);
      want.add(spy);
      SourceReader<BrokerEvent, IbSplit> r = reader;
      ReaderHarness.await(
          r,
          out,
          e -> {
            if (e instanceof QuoteEvent q && q.quote().isTwoSided()) {
              priced.add(q.quote().conId());
            }
            return priced.containsAll(want);
          });
      assertThat(priced).containsAll(want);
    } finally {
      if (reader != null) {
        reader.close();
      }
      if (trader != null) {
        trader.close();
      }
      sim.close();
    }
  }
}
