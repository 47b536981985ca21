package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsOrder;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.ib.source.StreamedInstrument;
import dev.thetaflow.jobs.testing.SimFixture;
import dev.thetaflow.sim.market.ContractQuery;
import dev.thetaflow.sim.market.SimInstrument;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The subscription planner's gauges as a running job reports them: with four lines (one kept for
 * snapshots), an underlying and five option positions, the underlying and the two riskiest legs
 * stream, three legs are polled, the lines in use never pass four, and the worst staleness stays
 * bounded by the snapshot rotation.
 */
class IbSourceMetricsTest {
  private static final InMemoryReporter REPORTER = InMemoryReporter.create();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void linesUsedPolledInstrumentsAndWorstStalenessAreReported(
      @InjectClusterClient ClusterClient<?> client) throws Exception {
    try (SimFixture sim = new SimFixture(4)) {
      holdFiveOptions(sim);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.fromSource(
              new IbSource(
                  new IbSourceSettings(
                      sim.options(1),
                      List.of(StreamedInstrument.stock("SPY")),
                      "America/New_York",
                      Duration.ofMinutes(10),
                      4,
                      1,
                      Duration.ofMillis(200))),
              WatermarkStrategy.noWatermarks(),
              "ib")
          .sinkTo(new DiscardingSink<>());
      JobID job = client.submitJob(env.getStreamGraph().getJobGraph()).get();
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long lines = -1;
        long polled = -1;
        long worst = -1;
        while (lines < 3 || polled != 3 || worst < 0 || worst > 5_000) {
          assertThat(System.nanoTime())
              .as("lines %s, polled %s, worst staleness %s ms", lines, polled, worst)
              .isLessThan(deadline);
          Thread.sleep(200);
          lines = gauge(job, "marketDataLinesUsed");
          polled = gauge(job, "polledInstruments");
          worst = gauge(job, "worstStalenessMillis");
        }
        // the budget is never exceeded while it runs
        for (int i = 0; i < 10; i++) {
          assertThat(gauge(job, "marketDataLinesUsed")).isLessThanOrEqualTo(4);
          Thread.sleep(100);
        }
      } finally {
        client.cancel(job).get();
      }
    }
  }

  /** Five single-option positions bought and sold by another client, at market. */
  private static void holdFiveOptions(SimFixture sim) throws Exception {
    IbConnection trader = new IbConnection(sim.options(2), new IbListener() {});
    trader.start();
    try {
      assertThat(trader.awaitReady(Duration.ofSeconds(10))).isTrue();
      double[] strikes = {560, 580, 600, 620, 640};
      for (int i = 0; i < strikes.length; i++) {
        double strike = strikes[i];
        OptionType right = i % 2 == 0 ? OptionType.PUT : OptionType.CALL;
        SimInstrument option =
            sim.sim.call(
                () ->
                    sim.market
                        .resolve(
                            new ContractQuery(
                                0, "SPY", "OPT", LocalDate.of(2026, 12, 18), strike, right))
                        .get(0));
        TwsContract contract = TwsContract.byConId(option.conId(), "SPY", "OPT", "USD");
        int orderId = trader.nextOrderId();
        String action = i % 2 == 0 ? "SELL" : "BUY";
        trader.send(
            w ->
                Requests.placeOrder(w, orderId, contract, TwsOrder.market(action, BigDecimal.ONE)));
      }
      assertThat(trader.awaitOutboxWritten(Duration.ofSeconds(10))).isTrue();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (sim.sim.positions().size() < 5) {
        assertThat(System.nanoTime()).as("five positions").isLessThan(deadline);
        Thread.sleep(50);
      }
    } finally {
      trader.close();
    }
  }

  private static long gauge(JobID job, String name) {
    Map<String, Metric> found = REPORTER.findMetrics(job, name);
    if (found.isEmpty()) {
      return -1;
    }
    Object value = ((Gauge<?>) found.values().iterator().next()).getValue();
    return ((Number) value).longValue();
  }
}
