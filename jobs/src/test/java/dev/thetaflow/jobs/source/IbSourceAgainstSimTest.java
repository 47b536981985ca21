package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.AccountValueEvent;
import dev.thetaflow.core.broker.BrokerEvent.ConnectionEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.testing.SimFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/** The IB source in a Flink job against ib-sim over a real socket: typed broker events come out. */
class IbSourceAgainstSimTest {
  @Test
  void connectsResolvesTheUnderlyingsAndStreamsTheirQuotesWithAccountValues() throws Exception {
    try (SimFixture sim = new SimFixture(10)) {
      IbSource source =
          new IbSource(
              new IbSourceSettings(
                  sim.options(1),
                  List.of(StreamedInstrument.stock("SPY"), StreamedInstrument.stock("QQQ")),
                  "America/New_York",
                  Duration.ofMinutes(10)));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      List<BrokerEvent> seen = new ArrayList<>();
      Set<Long> quotedConIds = new HashSet<>();
      boolean ready = false;
      boolean netLiquidation = false;
      try (CloseableIterator<BrokerEvent> events =
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "ib")
              .uid("ib-source")
              .executeAndCollect("ib source against ib-sim")) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(ready && netLiquidation && quotedConIds.size() == 2)) {
          assertThat(System.nanoTime()).as("timed out; saw %s", seen).isLessThan(deadline);
          BrokerEvent e = events.next();
          seen.add(e);
          if (e instanceof ConnectionEvent c && c.state().equals("READY")) {
            ready = true;
          } else if (e instanceof AccountValueEvent a && a.key().equals("NetLiquidation")) {
            netLiquidation = true;
            assertThat(a.account()).isEqualTo(sim.account);
          } else if (e instanceof QuoteEvent q && q.quote().isTwoSided()) {
            assertThat(q.kind()).isEqualTo(MarketDataKind.REAL_TIME);
            assertThat(q.quote().bid()).isLessThan(q.quote().ask()).isPositive();
            quotedConIds.add(q.quote().conId());
          }
        }
      }
      assertThat(quotedConIds)
          .containsExactlyInAnyOrder(
              (long) sim.underlyingConId("SPY"), (long) sim.underlyingConId("QQQ"));
    }
  }
}
