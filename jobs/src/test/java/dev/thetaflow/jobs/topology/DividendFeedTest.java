package dev.thetaflow.jobs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.DividendEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.ScenarioParser;
import dev.thetaflow.sim.server.IbSim;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The IB source against ib-sim: a stock underlying asks for IB's dividend tick and its next
 * dividend comes out as a broker event the leg router routes; an index (VIX) or a stock without one
 * brings none.
 */
class DividendFeedTest {
  private static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z");

  @Test
  void theSimsNextDividendOfSpyReachesTheRouterAndOnlySpys() throws Exception {
    SimMarket market = SimMarket.create(MarketSpec.defaults(), 42, OPEN);
    IbSim.Options defaults = IbSim.Options.defaults(0, 1.0, 42);
    var scenario =
        ScenarioParser.parse(
            """
            name: spy-dividend
            dividends:
              - underlying: SPY
                amount: 1.82
                exDate: 2026-12-19
            """,
            "test");
    try (IbSim sim =
        IbSim.start(
            new IbSim.Options(0, 1.0, 1, 10, defaults.account(), 1_000_000, Duration.ofMillis(50)),
            market,
            scenario)) {
      long spy = sim.call(() -> market.underlyingConId("SPY"));
      long qqq = sim.call(() -> market.underlyingConId("QQQ"));
      IbSource source =
          new IbSource(
              new IbSourceSettings(
                  ConnectionOptions.local(sim.port(), 1),
                  List.of(
                      StreamedInstrument.stock("SPY"),
                      StreamedInstrument.stock("QQQ"),
                      StreamedInstrument.vix()),
                  "America/New_York",
                  Duration.ofMinutes(10)));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      List<DividendEvent> dividends = new ArrayList<>();
      Set<Long> quoted = new HashSet<>();
      int afterBoth = 0;
      try (CloseableIterator<BrokerEvent> events =
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "ib")
              .filter(LegRouter::routed)
              .executeAndCollect("dividends from ib-sim")) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // a subscription's dividend tick comes with its first quotes: well after both are quoted,
        // every dividend there will be has come
        while (afterBoth < 50) {
          assertThat(System.nanoTime()).as("timed out; saw %s", dividends).isLessThan(deadline);
          BrokerEvent e = events.next();
          if (e instanceof DividendEvent d) {
            dividends.add(d);
            assertThat(LegRouter.conIdOf(d)).isEqualTo(d.conId());
          } else if (e instanceof QuoteEvent q) {
            quoted.add(q.quote().conId());
          }
          if (quoted.contains(spy) && quoted.contains(qqq)) {
            afterBoth++;
          }
        }
      }
      assertThat(dividends)
          .extracting(DividendEvent::conId, DividendEvent::nextAmount, DividendEvent::nextExDate)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(spy, 1.82, LocalDate.of(2026, 12, 19)));
    }
  }
}
